using CareFlows.Engine.Consent;
using CareFlows.Server.Delivery;
using CareFlows.Server.Hosting;
using Marten;

namespace CareFlows.Server.Consent;

/// <summary>
/// Applies a consent command to a customer's stream: read at a version, decide, append at that version. A change made
/// by someone else in between makes the append fail; the command is then decided again on the new state, so
/// concurrent changes are all kept and none is decided on stale preferences.
/// </summary>
public sealed class ConsentChanges(IDocumentStore store, ConsentDecider decider, ConfirmationEmail confirmation, DispatchSignal dispatch, ILogger<ConsentChanges> log)
{
    /// <param name="alsoDo">Written in the same transaction, e.g. the receipt that makes a consumer idempotent.</param>
    public async Task<ConsentResult> ApplyAsync(ConsentCommand command, CancellationToken ct, Action<IDocumentSession>? alsoDo = null)
    {
        var streamId = ConsentStreamId.For(command.CustomerId);
        var result = await WriteConflicts.RetryAsync(async _ =>
        {
            await using var session = store.LightweightSession();
            var stream = await session.Events.FetchForWriting<CustomerConsent>(streamId, ct);
            var decided = decider.Decide(stream.Aggregate?.State, command);
            if (decided.Events.Count == 0 && alsoDo is null) return decided;
            stream.AppendMany(decided.Events);
            if (decided.Outcome == ConsentOutcome.ConfirmationRequested && command is ChangeConsent change)
                confirmation.Queue(session, streamId, Folded(stream.Aggregate?.State, decided), change.Category, command.At);
            alsoDo?.Invoke(session);
            await session.SaveChangesAsync(ct);
            return decided;
        }, ct, attempt => log.LogDebug("Consent of {Customer} changed while deciding; deciding again (attempt {Attempt})", command.CustomerId, attempt + 1));
        if (result.Outcome == ConsentOutcome.ConfirmationRequested) dispatch.Notify();
        return result;
    }

    private static CustomerConsentState Folded(CustomerConsentState? before, ConsentResult result) =>
        result.Events.Aggregate(before ?? new CustomerConsentState(), (state, e) => state.Apply(e));
}
