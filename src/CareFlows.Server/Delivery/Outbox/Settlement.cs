namespace CareFlows.Server.Delivery.Outbox;

/// <summary>
/// How one claimed message's turn ended: a final <see cref="Outcome"/> (sent, skipped, bounced, in doubt, given up),
/// or a <see cref="Retry"/> that puts it back in the queue.
/// </summary>
public sealed record Settlement(OutboxMessage Message, MessageOutcome? Outcome, Retry? Retry = null)
{
    public static Settlement Ended(OutboxMessage message, MessageOutcome outcome) => new(message, outcome);
    public static Settlement Again(OutboxMessage message, Retry retry) => new(message, null, retry);
}

/// <summary>Pending again, due at <paramref name="DueAt"/>; <paramref name="Kind"/> says what it waits for (see <see cref="RetryKind"/>).</summary>
public sealed record Retry(DateTimeOffset DueAt, string Kind, string Reason);
