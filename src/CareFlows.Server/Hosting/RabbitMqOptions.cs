namespace CareFlows.Server.Hosting;

/// <summary>Configuration section "RabbitMq".</summary>
public sealed class RabbitMqOptions
{
    public const string Section = "RabbitMq";
    public string Host { get; set; } = "127.0.0.1";
    public ushort Port { get; set; } = 5672;
    public string VirtualHost { get; set; } = "/";
    public string Username { get; set; } = "careflows";
    public string Password { get; set; } = "careflows";
    /// <summary>
    /// Order events in flight per process. Each holds a PostgreSQL connection and a share of the CPU; beyond what
    /// covers the waits on commits, more in flight only adds contention. Measured on 2 cores (docs/BENCHMARK.md): 8
    /// finished as many orders per second as 32, and a fresh process, whose first messages all take the cold paths
    /// at once, fell behind less (first-minute p99 about 2.0 s against 3.3 s).
    /// </summary>
    public int PrefetchCount { get; set; } = 8;
}
