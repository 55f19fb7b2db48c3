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
    /// Inside the commit that gives the row its final status, so both happen or neither. It may be called again for
    /// the same outcome when that commit met a write conflict and is written anew.
    /// </summary>
    Task WithinCommitAsync(IDocumentSession session, OutboxMessage message, MessageOutcome outcome, CancellationToken ct);

    /// <summary>After that commit, for what belongs in a transaction of its own.</summary>
    Task AfterCommitAsync(OutboxMessage message, MessageOutcome outcome, CancellationToken ct) => Task.CompletedTask;
}
