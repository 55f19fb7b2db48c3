using CareFlows.Engine.Definitions;
using CareFlows.Engine.Runtime;
using CareFlows.Server.Definitions;
using CareFlows.Server.Delivery;
using CareFlows.Server.Flows.Timers;
using JasperFx;
using Marten;

using CareFlows.Server.Hosting;

namespace CareFlows.Server.Flows;

/// <summary>
/// Moves a waiting instance on: a timer fell due, or an event of its order arrived. The step is decided on the
/// instance as stored and appended with the version it was decided on; if another process moved the instance in
/// between, the step is decided again on the new state. So no step runs twice, and none is lost.
/// </summary>
public sealed class FlowResumer(
    IDocumentStore store, FlowCatalog catalog, DecisionWriter writer, TimerStore timers, EngineEnvironment env,
    DispatchSignal dispatch, TimeProvider clock, ILogger<FlowResumer> log)
{
    public Task OnTimerAsync(DueTimer timer, CancellationToken ct) =>
        ResumeAsync(timer.StreamId, (flow, state, now) => FlowEngine.OnTimer(flow, state, timer.TimerId, now, env),
            () => timers.DropStaleAsync(timer, ct), ct);

    public Task OnOrderEventAsync(Guid streamId, string eventName, DateTimeOffset occurredAt, string? reason, CancellationToken ct) =>
        ResumeAsync(streamId, (flow, state, now) => FlowEngine.OnOrderEvent(flow, state, eventName, occurredAt, reason, now, env), null, ct);

    private async Task ResumeAsync(Guid streamId, Func<CompiledFlow, InstanceState, DateTimeOffset, FlowDecision> decide, Func<Task>? whenNothingToDo, CancellationToken ct)
    {
        var moved = await WriteConflicts.RetryAsync(async _ =>
        {
            await using var session = store.LightweightSession();
            var stream = await session.Events.FetchForWriting<FlowInstance>(streamId, ct);
            if (stream.Aggregate is not { } instance) return false;
            var flow = await catalog.VersionAsync(instance.FlowId, instance.FlowVersion, ct);
            var now = clock.GetUtcNow();
            var decision = decide(flow, instance.State, now);
            if (decision.IsEmpty) return false;
            stream.AppendMany(await writer.WriteAsync(session, streamId, instance.State, decision, now, ct));
            await session.SaveChangesAsync(ct);
            return true;
        }, ct, attempt => log.LogDebug("Instance {StreamId} moved while deciding; deciding again (attempt {Attempt})", streamId, attempt + 1));
        if (moved) dispatch.Notify();
        else if (whenNothingToDo is not null) await whenNothingToDo();
    }
}
