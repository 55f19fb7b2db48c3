using System.Security.Cryptography;
using System.Text;
using CareFlows.Engine.Consent;
using CareFlows.Engine.Templates;

namespace CareFlows.Server.Consent;

/// <summary>The signed links a message carries, and the List-Unsubscribe header built from them.</summary>
public sealed class ConsentLinks(ConsentOptions options, LinkTokens tokens)
{
    public MessageLinks ForMessage(string customerId, string messageId, string category, DateTimeOffset now)
    {
        var expires = now + options.LinkLifetime;
        var id = ShortHash(messageId);
        var preferences = Url("preferences", tokens.Create(new LinkClaims(customerId, LinkPurpose.Preferences, expires, id)));
        var unsubscribe = category == ConsentCategories.Transactional ? ""
            : Url("unsubscribe", tokens.Create(new LinkClaims(customerId, LinkPurpose.Unsubscribe, expires, id)));
        // The rating link names the message itself: an answer belongs to one message of one instance.
        var rate = Url("rate", tokens.Create(new LinkClaims(customerId, LinkPurpose.Rate, expires, messageId)));
        return new MessageLinks(preferences, unsubscribe, Rate: rate);
    }

    public MessageLinks ForConfirmation(string customerId, string category, string requestId, DateTimeOffset now)
    {
        var expires = now + options.LinkLifetime;
        var id = ShortHash(requestId);
        return new MessageLinks(
            Url("preferences", tokens.Create(new LinkClaims(customerId, LinkPurpose.Preferences, expires, id))),
            "",
            Url("confirm", tokens.Create(new LinkClaims(customerId, LinkPurpose.Confirm, expires, id, category))));
    }

    /// <summary>RFC 2369 List-Unsubscribe: the one-click https URL first, then mailto where configured.</summary>
    public string ListUnsubscribeHeader(string unsubscribeUrl) =>
        string.IsNullOrEmpty(options.UnsubscribeMailto) ? $"<{unsubscribeUrl}>" : $"<{unsubscribeUrl}>, <mailto:{options.UnsubscribeMailto}?subject=unsubscribe>";

    /// <summary>The customer's page in the designer, for a person of the team.</summary>
    public string CustomerPage(string customerId) => $"{options.PublicBaseUrl.TrimEnd('/')}/designer/#/customers/{Uri.EscapeDataString(customerId)}";

    private string Url(string path, string token) => $"{options.PublicBaseUrl.TrimEnd('/')}/{path}?token={token}";

    private static string ShortHash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];
}
