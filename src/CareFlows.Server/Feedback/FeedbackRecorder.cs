using CareFlows.Engine.Runtime;
using CareFlows.Server.Care;
using CareFlows.Server.Definitions;
using CareFlows.Server.Delivery;
using CareFlows.Server.Delivery.Outbox;
using CareFlows.Server.Flows;
using CareFlows.Server.Hosting;
using Marten;

namespace CareFlows.Server.Feedback;

/// <summary>What became of an answer: recorded (with who will answer, if it needs a person), or not ours to record.</summary>
public sealed record FeedbackOutcome(bool Recorded, CareContext? Care, string? Locale = null)
{
    public static readonly FeedbackOutcome Unknown = new(false, null);
}

/// <summary>
/// Records a customer's answer to one of a flow's messages, in one commit: on the instance (the engine's
/// <see cref="FlowEngine.OnFeedback"/> decides whether a WaitForFeedback moves on, and that step's emails and alerts
/// are queued), in the customer's care stream (a case if it needs a person), and whatever the caller stages beside it
/// (the inbound reader's "handled" mark). A write conflict decides it all again on fresh state.
/// </summary>
public sealed class FeedbackRecorder(
    IDocumentStore store, FlowCatalog catalog, DecisionWriter writer, CareRecords care, EngineEnvironment env, EmailOptions email,
    DispatchSignal dispatch, TimeProvider clock, ILogger<FeedbackRecorder> log)
{
    public async Task<FeedbackOutcome> RecordAsync(string messageId, string? expectedCustomerId, int? score, string? comment, string? reply, string source,
        CancellationToken ct, Action<IDocumentSession>? stageWith = null)
    {
        if (!MessageIds.TryParse(messageId, email.MessageIdDomain, out var streamId, out var stepId)) return FeedbackOutcome.Unknown;
        var activityId = MessageIds.ActivityOf(stepId);
        var outcome = await WriteConflicts.RetryAsync(async _ =>
        {
            await using var session = store.LightweightSession();
            var stream = await session.Events.FetchForWriting<FlowInstance>(streamId, ct);
            if (stream.Aggregate is not { } instance) return FeedbackOutcome.Unknown;
            var customer = instance.State.Order.Customer;
            if (expectedCustomerId is not null && customer.CustomerId != expectedCustomerId) return FeedbackOutcome.Unknown;
            var flow = await catalog.VersionAsync(instance.FlowId, instance.FlowVersion, ct);
            var now = clock.GetUtcNow();
            IFlowEvent answer = score is { } s
                ? new FeedbackGiven(messageId, stepId, activityId, s, comment, now)
                : new CustomerReplied(messageId, stepId, activityId, reply ?? "", now);
            var context = await care.RecordAnswerAsync(session, new CareAnswer(streamId, instance.State, messageId, activityId, score, comment, reply, source), now, ct);
            var decision = FlowEngine.OnFeedback(flow, instance.State, answer, now, env);
            stream.AppendMany(await writer.WriteAsync(session, streamId, instance.State, decision, now, ct, context));
            stageWith?.Invoke(session);
            await session.SaveChangesAsync(ct);
            return new FeedbackOutcome(true, context, customer.Locale);
        }, ct, attempt => log.LogDebug("Instance {StreamId} moved while recording an answer; recording again (attempt {Attempt})", streamId, attempt + 1));
        if (outcome.Recorded)
        {
            log.LogInformation("Answer ({Source}) to {StepId} of instance {StreamId} recorded{Case}", source, stepId, streamId, outcome.Care?.CaseId is { } c ? $"; case {c}" : "");
            dispatch.Notify();
        }
        return outcome;
    }
}
