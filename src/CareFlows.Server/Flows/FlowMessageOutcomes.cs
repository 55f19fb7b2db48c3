using CareFlows.Engine.Runtime;
using CareFlows.Server.Delivery.Outbox;
using Marten;

namespace CareFlows.Server.Flows;

/// <summary>
/// How a flow's message ended, recorded on its instance: EmailSent, EmailFailed (bounced, in doubt or given up) or
/// EmailSkipped. Appended at the version it read, like a step: a plain append would let the inline projection store the
/// instance as it was before a step taken at that moment, and lose what the step did. The instances of a whole batch
/// of outcomes are read in one round trip (a batched FetchForWriting), and each is still checked at its own version
/// when the batch commits.
/// </summary>
public sealed class FlowMessageOutcomes : IMessageOutcomeHandler
{
    public async Task WithinCommitAsync(IDocumentSession session, IReadOnlyList<EndedMessage> ended, CancellationToken ct)
    {
        var mine = ended.Where(e => e.Message.Kind == OutboxKinds.Flow).ToList();
        if (mine.Count == 0) return;
        var batch = session.CreateBatchQuery();
        var streams = mine.Select(e => e.Message.StreamId).Distinct()
            .ToDictionary(id => id, id => batch.Events.FetchForWriting<FlowInstance>(id));
        await batch.Execute(ct);
        foreach (var (message, outcome) in mine)
            (await streams[message.StreamId]).AppendOne(Recorded(message, outcome));
    }

    private static IFlowEvent Recorded(OutboxMessage message, MessageOutcome outcome) => outcome.Status switch
    {
        OutboxStatus.Sent => new EmailSent(message.StepId, message.MessageId, outcome.At),
        OutboxStatus.Skipped => new EmailSkipped(message.StepId, message.Template, message.Category, outcome.Reason, outcome.At),
        _ => new EmailFailed(message.StepId, message.MessageId, outcome.Reason, Permanent: outcome.IsBounce, outcome.At),
    };
}
