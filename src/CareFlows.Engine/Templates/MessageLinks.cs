namespace CareFlows.Engine.Templates;

/// <summary>
/// The customer's own links, signed by the server: their preference page, one-click unsubscribe (empty for
/// transactional mail, which needs no consent) and, in a double opt-in email, the confirmation.
/// </summary>
public sealed record MessageLinks(string Preferences, string Unsubscribe, string Confirm = "")
{
    /// <summary>For previews and simulations: links that look real and lead nowhere.</summary>
    public static readonly MessageLinks Sample = new("https://shop.example/preferences?token=sample", "https://shop.example/unsubscribe?token=sample", "https://shop.example/confirm?token=sample");
}
