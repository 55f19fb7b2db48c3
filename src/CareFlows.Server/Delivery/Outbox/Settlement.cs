namespace CareFlows.Server.Delivery.Outbox;

/// <summary>
/// How one claimed message's turn ended: a final <see cref="Outcome"/> (sent, skipped, bounced, in doubt, given up),
/// or a <see cref="Retry"/> that puts it back in the queue. <see cref="OnlyFrom"/>: the row changes only if it still has
/// this status (a skip applies to a message still waiting; a late bounce to one that was sent).
/// </summary>
public sealed record Settlement(OutboxMessage Message, MessageOutcome? Outcome, Retry? Retry = null, string? OnlyFrom = null)
{
    public static Settlement Ended(OutboxMessage message, MessageOutcome outcome) =>
        new(message, outcome, OnlyFrom: outcome.Status == OutboxStatus.Skipped ? OutboxStatus.Pending : null);

    public static Settlement Again(OutboxMessage message, Retry retry) => new(message, null, retry);

    /// <summary>The receiving server accepted the message and reported it undeliverable later (RFC 3464).</summary>
    public static Settlement LateBounce(OutboxMessage message, string reason, DateTimeOffset at) =>
        new(message, new MessageOutcome(OutboxStatus.Bounced, reason, at), OnlyFrom: OutboxStatus.Sent);
}

/// <summary>Pending again, due at <paramref name="DueAt"/>; <paramref name="Kind"/> says what it waits for (see <see cref="RetryKind"/>).</summary>
public sealed record Retry(DateTimeOffset DueAt, string Kind, string Reason);
