namespace CareFlows.Contracts.Consent;

public record CustomerConsentChanged
{
    public string CustomerId { get; init; } = "";
    public string Email { get; init; } = "";
    /// <summary>"email" today; "sms" later.</summary>
    public string Channel { get; init; } = "email";
    /// <summary>"service" or "marketing". Transactional messages need no consent.</summary>
    public string Category { get; init; } = "";
    public bool OptedIn { get; init; }
    /// <summary>Where the decision was made, e.g. "checkout", "support".</summary>
    public string Source { get; init; } = "shop";
    public DateTimeOffset ChangedAt { get; init; }
}
