using System.Security.Cryptography;
using System.Text;

namespace CareFlows.Server.Designer;

/// <summary>
/// A sign-in, kept in the store: the cookie carries only its id. Signing out deletes it, so a copied or stolen cookie
/// stops working at once; the password it was made under is part of it, so changing Designer:Password ends every
/// session made before. Every server process reads the same rows, so a sign-in counts in all of them.
/// </summary>
public sealed class DesignerSession
{
    public string Id { get; set; } = "";
    public string User { get; set; } = "";
    public string PasswordStamp { get; set; } = "";
    public DateTimeOffset SignedInAt { get; set; }

    public const string IdClaim = "careflows:session";

    public static string NewId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));

    /// <summary>Which password a session was made under, without storing it: an HMAC of it under the session's id.</summary>
    public static string StampOf(string password, string sessionId) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(sessionId), Encoding.UTF8.GetBytes(password)));
}
