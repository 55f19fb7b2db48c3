namespace CareFlows.Server.Delivery.Caps;

/// <summary>
/// At most <see cref="Messages"/> marketing messages per customer within <see cref="Period"/>, across all flows
/// (Klaviyo's "smart sending", Braze's global cap). Transactional and service mail are never capped. Zero messages: no cap.
/// Configured under "FrequencyCap"; a marketer's change in the designer is stored and wins over the configuration.
/// </summary>
public sealed class FrequencyCapSettings
{
    public const string Section = "FrequencyCap";
    public const string DocumentId = "frequency-cap";

    public string Id { get; set; } = DocumentId;
    public int Messages { get; set; } = 1;
    public TimeSpan Period { get; set; } = TimeSpan.FromHours(16);
    public DateTimeOffset? ChangedAt { get; set; }

    public bool IsOff => Messages <= 0 || Period <= TimeSpan.Zero;
}
