using System.Security.Cryptography;
using System.Text;

namespace CareFlows.Engine.Consent;

/// <summary>What a link may do. Rate: answer one message of a flow (the claims' Id is that message's id). Click: forward to the
/// URL in the claims' Category, recording the click on the message in Id.</summary>
public enum LinkPurpose { Preferences, Unsubscribe, Confirm, Rate, Click }

/// <summary>What a signed link says: whose preferences, for what, until when. <c>Id</c> tells one link from another.</summary>
public sealed record LinkClaims(string CustomerId, LinkPurpose Purpose, DateTimeOffset ExpiresAt, string Id, string Category = "");

public enum LinkStatus { Valid, Malformed, Tampered, Expired }

public sealed record LinkCheck(LinkStatus Status, LinkClaims? Claims)
{
    public bool IsValid => Status == LinkStatus.Valid;
}

/// <summary>
/// The keys links are signed with: the current one signs, every one verifies. Rotating means making a new key current
/// and keeping the old one here until the last link it signed has expired (at most Consent:LinkLifetime); a key removed
/// from the ring no longer opens anything.
/// </summary>
public sealed class SigningKeyRing(string currentId, byte[] current, IReadOnlyDictionary<string, byte[]>? previous = null)
{
    public string CurrentId { get; } = currentId;
    public byte[] Current { get; } = current;

    public byte[]? Find(string id) => id == CurrentId ? Current : previous is not null && previous.TryGetValue(id, out var key) ? key : null;

    /// <summary>Every key, current first: what verifies a link made before tokens named their key.</summary>
    public IEnumerable<byte[]> All() => previous is null ? [Current] : previous.Values.Prepend(Current);
}

/// <summary>
/// Tokens for the links in emails: the claims (with the id of the key that signed them), base64url, a dot, and an
/// HMAC-SHA256 of them under that key. No login and no guessable ids: only a holder of the key can make a token, and
/// changing one byte breaks it. A token never lives longer than <c>maxLifetime</c> from now, whatever it says: a key
/// holder cannot mint a link for ever.
/// </summary>
public sealed class LinkTokens(SigningKeyRing keys, TimeSpan maxLifetime)
{
    private const string Version = "2";
    private const string UnnamedKeyVersion = "1";

    public LinkTokens(byte[] key) : this(new SigningKeyRing("k1", key), TimeSpan.FromDays(3650)) { }

    public string Create(LinkClaims claims)
    {
        var payload = string.Join('\n', Version, keys.CurrentId, claims.CustomerId, claims.Purpose, claims.ExpiresAt.ToUnixTimeSeconds(), claims.Id, claims.Category);
        var body = Base64Url(Encoding.UTF8.GetBytes(payload));
        return $"{body}.{Base64Url(Sign(keys.Current, body))}";
    }

    public LinkCheck Check(string? token, DateTimeOffset now)
    {
        var parts = (token ?? "").Split('.');
        if (parts.Length != 2 || !TryDecode(parts[1], out var signature) || !TryDecode(parts[0], out var payload))
            return new(LinkStatus.Malformed, null);
        string[] fields;
        try { fields = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(payload).Split('\n'); }
        catch (DecoderFallbackException) { return new(LinkStatus.Malformed, null); }
        // Version 1 named no key: any key of the ring may have signed it. Version 2 names its key.
        var signedBy = fields switch
        {
            [Version, var keyId, ..] when keys.Find(keyId) is { } key => [key],
            [Version, ..] => [],
            [UnnamedKeyVersion, ..] => keys.All(),
            _ => null,
        };
        if (signedBy is null) return new(LinkStatus.Malformed, null);
        if (!signedBy.Any(key => CryptographicOperations.FixedTimeEquals(signature, Sign(key, parts[0])))) return new(LinkStatus.Tampered, null);
        var claimFields = fields[0] == Version ? fields[2..] : fields[1..];
        if (claimFields.Length != 5 || !Enum.TryParse<LinkPurpose>(claimFields[1], out var purpose) || !long.TryParse(claimFields[2], out var expires))
            return new(LinkStatus.Malformed, null);
        var claims = new LinkClaims(claimFields[0], purpose, DateTimeOffset.FromUnixTimeSeconds(expires), claimFields[3], claimFields[4]);
        if (claims.ExpiresAt > now + maxLifetime) return new(LinkStatus.Tampered, null);
        return claims.ExpiresAt < now ? new(LinkStatus.Expired, claims) : new(LinkStatus.Valid, claims);
    }

    private static byte[] Sign(byte[] key, string body) => HMACSHA256.HashData(key, Encoding.ASCII.GetBytes(body));

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
