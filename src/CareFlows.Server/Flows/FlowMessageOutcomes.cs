using CareFlows.Engine.Runtime;
using CareFlows.Server.Delivery.Outbox;
using Marten;

namespace CareFlows.Server.Flows;

/// <summary>
/// How a flow's message ended, recorded on its instance: EmailSent, EmailFailed (bounced, in doubt or given up) or
/// EmailSkipped. Appended at the version it read, like a step: a plain append would let the inline projection store the
/// instance as it was before a step taken at that moment, and lose what the step did.
/// </summary>
public sealed class FlowMessageOutcomes : IMessageOutcomeHandler
{
    public async Task WithinCommitAsync(IDocumentSession session, OutboxMessage message, MessageOutcome outcome, CancellationToken ct)
    {
        if (message.Kind != OutboxKinds.Flow) return;
        IFlowEvent recorded = outcome.Status switch
        {
            OutboxStatus.Sent => new EmailSent(message.StepId, message.MessageId, outcome.At),
            OutboxStatus.Skipped => new EmailSkipped(message.StepId, message.Template, message.Category, outcome.Reason, outcome.At),
            _ => new EmailFailed(message.StepId, message.MessageId, outcome.Reason, Permanent: outcome.IsBounce, outcome.At),
        };
        (await session.Events.FetchForWriting<FlowInstance>(message.StreamId, ct)).AppendOne(recorded);
    }
}
