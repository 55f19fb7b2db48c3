namespace CareFlows.Server.Flows.Timers;

/// <summary>Configuration section "Timers".</summary>
public sealed class TimerOptions
{
    public const string Section = "Timers";
    /// <summary>How often due timers are looked for: the most a timer fires late on an idle system.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(250);
    public int BatchSize { get; set; } = 200;
    /// <summary>How long a claimed timer is held; if its process dies, another takes it over after this.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromSeconds(30);
    public int Concurrency { get; set; } = 8;
}
