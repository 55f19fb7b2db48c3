using System.Security.Cryptography;
using System.Text;
using CareFlows.Engine.Consent;

namespace CareFlows.Server.Consent;

/// <summary>
/// What stays of an erased customer's address: a one-way hash of it, so the address gets no further marketing (the
/// customer asked to be forgotten, not to be written to again) while CareFlows no longer knows the address itself.
/// </summary>
public sealed class ErasedAddress
{
    /// <summary>SHA-256 of the normalised address, hex.</summary>
    public string Id { get; set; } = "";
    public DateTimeOffset ErasedAt { get; set; }

    public static string Key(string email) => Hash(EmailAddresses.Normalise(email));

    public static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
