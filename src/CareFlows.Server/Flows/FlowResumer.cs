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
            () => timers.DropStaleAsync([timer], ct), ct);

    /// <summary>
    /// Several due timers in one unit of work: their instances read in one round trip (a batched FetchForWriting), each
    /// step decided alone (pure), and all committed together, each stream checked at the version it was decided on.
    /// Returns false, having written nothing, when that commit cannot be made as a whole (another process moved one of
    /// the instances, or one step failed): the caller then takes the timers one at a time (<see cref="OnTimerAsync"/>).
    /// </summary>
    public async Task<bool> TryOnTimersAsync(IReadOnlyList<DueTimer> due, CancellationToken ct)
    {
        var stale = new List<DueTimer>();
        var moved = false;
        try
        {
            await using var session = store.LightweightSession();
            var batch = session.CreateBatchQuery();
            var fetches = due.Select(t => (Timer: t, Stream: batch.Events.FetchForWriting<FlowInstance>(t.StreamId))).ToList();
            await batch.Execute(ct);
            var now = clock.GetUtcNow();
            foreach (var (timer, fetch) in fetches)
            {
                var stream = await fetch;
                var decision = stream.Aggregate is { } instance
                    ? FlowEngine.OnTimer(await catalog.VersionAsync(instance.FlowId, instance.FlowVersion, ct), instance.State, timer.TimerId, now, env)
                    : null;
                if (decision is null || decision.IsEmpty)
                {
                    stale.Add(timer);
                    continue;
                }
                stream.AppendMany(await writer.WriteAsync(session, timer.StreamId, stream.Aggregate!.State, decision, now, ct));
                moved = true;
            }
            if (moved)
            {
                await session.SaveChangesAsync(ct);
                log.LogDebug("{Count} timer steps committed together", due.Count - stale.Count);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            if (WriteConflicts.Is(e)) log.LogDebug("An instance of a batch of {Count} timers moved while deciding; taking them one at a time", due.Count);
            else log.LogWarning("A batch of {Count} timers failed ({Error}); taking them one at a time", due.Count, e.GetType().Name);
            return false;
        }
        if (moved) dispatch.Notify();
        await timers.DropStaleAsync(stale, ct);
        return true;
    }

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
