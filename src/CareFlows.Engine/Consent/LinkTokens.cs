using System.Security.Cryptography;
using System.Text;

namespace CareFlows.Engine.Consent;

public enum LinkPurpose { Preferences, Unsubscribe, Confirm }

/// <summary>What a signed link says: whose preferences, for what, until when. <c>Id</c> tells one link from another.</summary>
public sealed record LinkClaims(string CustomerId, LinkPurpose Purpose, DateTimeOffset ExpiresAt, string Id, string Category = "");

public enum LinkStatus { Valid, Malformed, Tampered, Expired }

public sealed record LinkCheck(LinkStatus Status, LinkClaims? Claims)
{
    public bool IsValid => Status == LinkStatus.Valid;
}

/// <summary>
/// Tokens for the links in emails: the claims, base64url, a dot, and an HMAC-SHA256 of them under the configured key.
/// No login and no guessable ids: only a holder of the key can make a token, and changing one byte breaks it.
/// </summary>
public sealed class LinkTokens(byte[] key)
{
    private const string Version = "1";

    public string Create(LinkClaims claims)
    {
        var payload = string.Join('\n', Version, claims.CustomerId, claims.Purpose, claims.ExpiresAt.ToUnixTimeSeconds(), claims.Id, claims.Category);
        var body = Base64Url(Encoding.UTF8.GetBytes(payload));
        return $"{body}.{Base64Url(Sign(body))}";
    }

    public LinkCheck Check(string? token, DateTimeOffset now)
    {
        var parts = (token ?? "").Split('.');
        if (parts.Length != 2 || !TryDecode(parts[1], out var signature) || !TryDecode(parts[0], out var payload))
            return new(LinkStatus.Malformed, null);
        if (!CryptographicOperations.FixedTimeEquals(signature, Sign(parts[0]))) return new(LinkStatus.Tampered, null);
        var fields = Encoding.UTF8.GetString(payload).Split('\n');
        if (fields.Length != 6 || fields[0] != Version || !Enum.TryParse<LinkPurpose>(fields[2], out var purpose) || !long.TryParse(fields[3], out var expires))
            return new(LinkStatus.Malformed, null);
        var claims = new LinkClaims(fields[1], purpose, DateTimeOffset.FromUnixTimeSeconds(expires), fields[4], fields[5]);
        return claims.ExpiresAt < now ? new(LinkStatus.Expired, claims) : new(LinkStatus.Valid, claims);
    }

    private byte[] Sign(string body) => HMACSHA256.HashData(key, Encoding.ASCII.GetBytes(body));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static bool TryDecode(string text, out byte[] bytes)
    {
        bytes = [];
        if (text.Length == 0 || text.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))) return false;
        var padded = text.Replace('-', '+').Replace('_', '/') + new string('=', (4 - text.Length % 4) % 4);
        try { bytes = Convert.FromBase64String(padded); return true; }
        catch (FormatException) { return false; }
    }
}
