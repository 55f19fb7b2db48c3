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
