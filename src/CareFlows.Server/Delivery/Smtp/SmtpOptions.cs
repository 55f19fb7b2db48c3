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
    /// A pooled connection idle longer than this is closed instead of reused. Keep it below the SMTP server's own idle
    /// timeout (maildev: 60 s; Postfix: 300 s), so a message never meets a connection the server has already closed.
    /// </summary>
    public TimeSpan MaxIdle { get; set; } = TimeSpan.FromSeconds(30);
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

/// <summary>
/// A message is in doubt when its sender died mid-conversation, or its connection broke after the whole message was
/// handed over: the server may have accepted it. <c>Record</c> (the default) records it and never resends it: at most
/// once, a rare loss. <c>Resend</c> sends it again with the same Message-Id: at least once, a rare duplicate that mail
/// clients collapse by that id.
/// </summary>
public enum InDoubtPolicy { Record, Resend }
