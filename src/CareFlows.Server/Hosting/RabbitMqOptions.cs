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
    public int PrefetchCount { get; set; } = 32;
}
