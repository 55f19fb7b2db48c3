using System.Text;
using CareFlows.Engine.Consent;

namespace CareFlows.Server.Consent;

/// <summary>Configuration section "Consent".</summary>
public sealed class ConsentOptions
{
    public const string Section = "Consent";
    public const string DevelopmentKey = "careflows-dev-signing-key-change-me";

    /// <summary>What a customer who never decided gets, per category.</summary>
    public Dictionary<string, bool> Defaults { get; set; } = new() { [ConsentCategories.Service] = true, [ConsentCategories.Marketing] = false };
    /// <summary>Categories whose opt-in counts only after the customer clicks the link in a confirmation email.</summary>
    public List<string> DoubleOptIn { get; set; } = [];
    /// <summary>
    /// The HMAC key that signs preference, unsubscribe and confirmation links: at least 32 bytes, random. Outside
    /// Development the server refuses to start with the shipped one (see Hosting/ShippedSecrets).
    /// </summary>
    public string SigningKey { get; set; } = DevelopmentKey;
    /// <summary>The current key's id, written into every link it signs. Change it whenever the key changes.</summary>
    public string SigningKeyId { get; set; } = "k1";
    /// <summary>
    /// Keys that signed links still in customers' mailboxes, by id: they verify, they do not sign. Remove one once
    /// <see cref="LinkLifetime"/> has passed since it was replaced.
    /// </summary>
    public Dictionary<string, string> PreviousSigningKeys { get; set; } = [];
    public TimeSpan LinkLifetime { get; set; } = TimeSpan.FromDays(90);
    /// <summary>How far ahead of this server's clock a shop's <c>changedAt</c> may be (clocks differ a little); further is refused.</summary>
    public TimeSpan MaxClockSkew { get; set; } = TimeSpan.FromMinutes(5);
    /// <summary>Where customers reach this server: the links in emails start with it.</summary>
    public string PublicBaseUrl { get; set; } = "http://127.0.0.1:5080";
    /// <summary>Optional: an address for mailto unsubscribes in List-Unsubscribe, e.g. unsubscribe@shop.example.</summary>
    public string UnsubscribeMailto { get; set; } = "";

    public SigningKeyRing KeyRing() => new(SigningKeyId, Encoding.UTF8.GetBytes(SigningKey),
        PreviousSigningKeys.ToDictionary(k => k.Key, k => Encoding.UTF8.GetBytes(k.Value)));

    public ConsentPolicy Policy() => new(Defaults, DoubleOptIn);
}
