namespace CareFlows.Server.Delivery.Outbox;

/// <summary>
/// The states of an outbox row. <c>pending</c> -> <c>sending</c> -> one of the final ones, or back to <c>pending</c>
/// for a retry. Interpolated into SQL, so each is a plain lower-case word.
/// </summary>
public static class OutboxStatus
{
    public const string Pending = "pending";
    public const string Sending = "sending";
    public const string Sent = "sent";
    /// <summary>Refused for good by the SMTP server (a 5xx).</summary>
    public const string Bounced = "bounced";
    /// <summary>May or may not have arrived; not resent unless Delivery:InDoubt is Resend.</summary>
    public const string Doubt = "doubt";
    /// <summary>Retried until Delivery:GiveUpAfter, then given up.</summary>
    public const string Failed = "failed";
    /// <summary>Not sent: consent was withdrawn while it waited.</summary>
    public const string Skipped = "skipped";
}
