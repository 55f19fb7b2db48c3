using System.Text.RegularExpressions;

namespace CareFlows.Server.Hosting;

/// <summary>
/// Text from outside (an SMTP server's reply, a consent reason built from one) may name an address: "550 5.1.1
/// &lt;ada@example.com&gt;: Recipient address rejected". Before such text goes into a log line, addresses become "(address)".
/// </summary>
public static partial class LogText
{
    public static string WithoutAddresses(string text) => Address().Replace(text, "(address)");

    [GeneratedRegex(@"[^\s<>()\[\]""',;:@]+@[^\s<>()\[\]""',;:@]+")]
    private static partial Regex Address();
}
