using MailKit.Security;

namespace CareFlows.Server.Delivery.Smtp;

/// <summary>Configuration section "Smtp".</summary>
public sealed class SmtpOptions
{
    public const string Section = "Smtp";
    public string Host { get; set; } = "127.0.0.1";
    public int Port { get; set; } = 1025;
    /// <summary>None, Auto, StartTls, StartTlsWhenAvailable or SslOnConnect (MailKit's SecureSocketOptions).</summary>
    public SecureSocketOptions Security { get; set; } = SecureSocketOptions.None;
    public string Username { get; set; } = "";
    public string Password { get; set; } = "";
    /// <summary>Open connections, and so messages in flight at once.</summary>
    public int Concurrency { get; set; } = 4;
    public int TimeoutSeconds { get; set; } = 30;
    /// <summary>
    /// At most this many messages per second from this process (0: no limit), with bursts of as many after a quiet
    /// spell. A mail provider's limit is usually per account: with several sending processes, divide it among them.
    /// </summary>
    public double MaxPerSecond { get; set; }
}

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
}
