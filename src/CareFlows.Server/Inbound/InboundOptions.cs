using MailKit.Security;

namespace CareFlows.Server.Inbound;

/// <summary>
/// The mailbox CareFlows reads (configuration section "Inbound"): customers' replies, late bounces (delivery status
/// notifications) and mail to the List-Unsubscribe mailto address. No Host: not read at all.
/// </summary>
public sealed class InboundOptions
{
    public const string Section = "Inbound";
    public string Host { get; set; } = "";
    public int Port { get; set; } = 993;
    /// <summary>None, SslOnConnect, StartTls, StartTlsWhenAvailable or Auto (MailKit's SecureSocketOptions).</summary>
    public SecureSocketOptions Security { get; set; } = SecureSocketOptions.Auto;
    public string Username { get; set; } = "";
    public string Password { get; set; } = "";
    public string Folder { get; set; } = "INBOX";
    /// <summary>Where handled mail is moved, so the folder read holds only what is new.</summary>
    public string HandledFolder { get; set; } = "CareFlows-Handled";
    /// <summary>Where mail that answers nothing CareFlows sent is moved: kept for a person to read, never dropped.</summary>
    public string UnmatchedFolder { get; set; } = "CareFlows-Unmatched";
    /// <summary>How often to look when the server has no IDLE; with IDLE, new mail is read as it arrives.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(30);
    /// <summary>IDLE is ended and begun again this often (RFC 2177: servers may drop an IDLE after 30 minutes).</summary>
    public TimeSpan IdleRestart { get; set; } = TimeSpan.FromMinutes(9);

    public bool Enabled => !string.IsNullOrWhiteSpace(Host);
}
