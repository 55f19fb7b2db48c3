using System.Net;
using System.Text.RegularExpressions;
using CareFlows.Engine.Consent;
using CareFlows.Server.Consent;

namespace CareFlows.Server.Tracking;

/// <summary>
/// Rewrites the links of a flow message to signed redirects through CareFlows (<c>/c/{token}</c>) that record the
/// click and forward at once. The destination is inside the signature, so the redirect forwards only to URLs CareFlows
/// wrote into a message: no open redirect. CareFlows' own links (preferences, unsubscribe, rating, confirmation) and
/// mailto: are left alone, so unsubscribing never depends on tracking.
/// </summary>
public sealed partial class LinkRewriter(TrackingOptions tracking, ConsentOptions consent, LinkTokens tokens)
{
    public (string Html, string Text) Rewrite(string html, string text, string customerId, string messageId, DateTimeOffset now)
    {
        if (!tracking.Clicks) return (html, text);
        var expires = now + consent.LinkLifetime;
        string Tracked(string url) => Tracks(url)
            ? $"{consent.PublicBaseUrl.TrimEnd('/')}/c/{tokens.Create(new LinkClaims(customerId, LinkPurpose.Click, expires, messageId, url))}"
            : url;
        var newHtml = Href().Replace(html, m => $"href=\"{WebUtility.HtmlEncode(Tracked(WebUtility.HtmlDecode(m.Groups[1].Value)))}\"");
        var newText = BareUrl().Replace(text, m => Tracked(m.Value));
        return (newHtml, newText);
    }

    private bool Tracks(string url) =>
        url.StartsWith("http", StringComparison.OrdinalIgnoreCase) && !url.StartsWith(consent.PublicBaseUrl.TrimEnd('/') + "/", StringComparison.OrdinalIgnoreCase)
        && !url.Contains('\n');

    [GeneratedRegex("href=\"(https?://[^\"]+)\"", RegexOptions.IgnoreCase)]
    private static partial Regex Href();

    [GeneratedRegex(@"https?://[^\s<>""]+", RegexOptions.IgnoreCase)]
    private static partial Regex BareUrl();
}
