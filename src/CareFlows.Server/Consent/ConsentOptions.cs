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
    /// <summary>The HMAC key for preference and unsubscribe links. Set a long random one in production.</summary>
    public string SigningKey { get; set; } = DevelopmentKey;
    public TimeSpan LinkLifetime { get; set; } = TimeSpan.FromDays(90);
    /// <summary>Where customers reach this server: the links in emails start with it.</summary>
    public string PublicBaseUrl { get; set; } = "http://127.0.0.1:5080";
    /// <summary>Optional: an address for mailto unsubscribes in List-Unsubscribe, e.g. unsubscribe@shop.example.</summary>
    public string UnsubscribeMailto { get; set; } = "";

    public byte[] Key() => Encoding.UTF8.GetBytes(SigningKey);

    public ConsentPolicy Policy() => new(Defaults, DoubleOptIn);
}
