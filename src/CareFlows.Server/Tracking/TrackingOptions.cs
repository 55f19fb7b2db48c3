namespace CareFlows.Server.Tracking;

/// <summary>Click tracking (configuration section "Tracking").</summary>
public sealed class TrackingOptions
{
    public const string Section = "Tracking";
    /// <summary>Rewrite the links in flow messages to signed redirects through CareFlows that record the click.</summary>
    public bool Clicks { get; set; } = true;
    /// <summary>An order placed this long after a customer's click on (or receipt of) a flow message counts for that message.</summary>
    public TimeSpan AttributionWindow { get; set; } = TimeSpan.FromDays(5);
}
