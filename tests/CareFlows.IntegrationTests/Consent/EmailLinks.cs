using System.Text.RegularExpressions;
using CareFlows.IntegrationTests.Infrastructure;

namespace CareFlows.IntegrationTests.Consent;

/// <summary>The links a received email carries, as a customer's mail client would find them.</summary>
public static partial class EmailLinks
{
    public static string Preferences(ReceivedEmail mail) => Line(mail, "Manage your email preferences: ");

    public static string Unsubscribe(ReceivedEmail mail) => Line(mail, "Unsubscribe: ");

    /// <summary>The https URL of the List-Unsubscribe header (RFC 2369: in angle brackets, first).</summary>
    public static string ListUnsubscribe(string header) => HeaderUrl().Match(header).Groups[1].Value;

    /// <summary>Path and query only: the test host is not where PublicBaseUrl points.</summary>
    public static string Local(string url) => new Uri(url).PathAndQuery;

    private static string Line(ReceivedEmail mail, string prefix) =>
        mail.Text.Split('\n').Select(l => l.Trim()).Single(l => l.StartsWith(prefix))[prefix.Length..];

    [GeneratedRegex("<(https?://[^>]+)>")]
    private static partial Regex HeaderUrl();
}
