namespace CareFlows.Server.Delivery.Smtp;

/// <summary>Configuration section "Delivery": how the dispatcher paces and retries.</summary>
public sealed class DeliveryOptions
{
    public const string Section = "Delivery";
    /// <summary>Whether this process sends mail. A process with false only runs flow steps (a dedicated worker).</summary>
    public bool Enabled { get; set; } = true;
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(500);
    public int BatchSize { get; set; } = 50;
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(2);
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(5);
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(10);
    /// <summary>How long a message is retried after it was queued before it is given up as failed.</summary>
    public TimeSpan GiveUpAfter { get; set; } = TimeSpan.FromHours(24);
    /// <summary>
    /// While messages wait because the SMTP server could not be reached, it is probed this often; once it answers,
    /// they are all due at once (in the order they were queued) instead of each waiting out its own back-off.
    /// </summary>
    public TimeSpan ProbeInterval { get; set; } = TimeSpan.FromSeconds(5);
    /// <summary>What happens to a message that may or may not have reached the server (see <see cref="InDoubtPolicy"/>).</summary>
    public InDoubtPolicy InDoubt { get; set; } = InDoubtPolicy.Record;
    /// <summary>/health reports mail as degraded when the oldest message due has waited longer than this.</summary>
    public TimeSpan BacklogWarning { get; set; } = TimeSpan.FromMinutes(5);
}
