using Marten;

namespace CareFlows.Server.Delivery.Outbox;

/// <summary>
/// What a message's outcome means for the feature that queued it, told back by delivery, which knows nothing of those
/// features: flows record it on the instance, consent suppresses a bounced address. Every handler hears every outcome
/// and ignores what is not its own (by <see cref="OutboxMessage.Kind"/>, or by the outcome).
/// </summary>
public interface IMessageOutcomeHandler
{
    /// <summary>
    /// Inside the commit that gives the rows their final status, so both happen or neither. The dispatcher records the
    /// outcomes of several messages in one commit, so a handler hears them together and should read what it needs for
    /// all of them at once. It may be called again for the same outcomes when that commit met a write conflict and is
    /// written anew (then one message at a time).
    /// </summary>
    Task WithinCommitAsync(IDocumentSession session, IReadOnlyList<EndedMessage> ended, CancellationToken ct);

    /// <summary>After that commit, for what belongs in a transaction of its own.</summary>
    Task AfterCommitAsync(EndedMessage ended, CancellationToken ct) => Task.CompletedTask;
}

/// <summary>A message and how it ended.</summary>
public sealed record EndedMessage(OutboxMessage Message, MessageOutcome Outcome);
