using CareFlows.Engine.Definitions;
using CareFlows.Engine.Runtime;
using Marten;

namespace CareFlows.Server.Flows;

/// <summary>
/// Stages the start of flows for an order into the caller's unit of work, which also writes the order's record:
/// one commit for all of it. Each instance begins as if it had seen the events the record already holds (an event
/// that arrived before OrderPlaced, or a flow triggered by a later event). One instance per (flow, order): the
/// stream id is derived from both, so a second start collides and the commit is refused.
/// </summary>
public sealed class FlowStarter(DecisionWriter writer, EngineEnvironment env, TimeProvider clock, ILogger<FlowStarter> log)
{
    public async Task<IReadOnlyList<string>> StageAsync(IDocumentSession session, IReadOnlyList<CompiledFlow> flows, OrderFacts record,
        int customerOrders, ISet<Guid> existing, CancellationToken ct)
    {
        var started = new List<string>();
        var now = clock.GetUtcNow();
        foreach (var flow in flows)
        {
            var streamId = FlowStreamId.For(flow.Id, record.Id);
            if (existing.Contains(streamId)) continue; // redelivered: this order is in this flow already
            var (accepted, why) = FlowEngine.Accepts(flow, record.Order, customerOrders);
            if (!accepted)
            {
                log.LogInformation("Order {OrderId} does not enter {Flow}: {Why}", record.Id, flow.Id, why);
                continue;
            }
            if (await EnteredRecentlyAsync(session, flow, record.CustomerId, now, ct))
            {
                log.LogInformation("Customer {CustomerId} entered {Flow} recently; order {OrderId} does not", record.CustomerId, flow.Id, record.Id);
                continue;
            }
            var decision = WithKnownEvents(flow, streamId, FlowEngine.Start(flow, streamId, record.Order, customerOrders, now, env), record, now);
            session.Events.StartStream<FlowInstance>(streamId, await writer.WriteAsync(session, streamId, new InstanceState { InstanceId = streamId }, decision, now, ct));
            started.Add(flow.Id);
        }
        return started;
    }

    private FlowDecision WithKnownEvents(CompiledFlow flow, Guid streamId, FlowDecision start, OrderFacts record, DateTimeOffset now)
    {
        var outcomes = start.Outcomes.ToList();
        foreach (var (name, at) in record.Events.OrderBy(e => e.Value))
        {
            var state = InstanceState.Replay(streamId, outcomes.OfType<IFlowEvent>());
            outcomes.AddRange(FlowEngine.OnOrderEvent(flow, state, name, at, record.Reasons.GetValueOrDefault(name), now, env).Outcomes);
        }
        return new FlowDecision(outcomes);
    }

    private static async Task<bool> EnteredRecentlyAsync(IQuerySession session, CompiledFlow flow, string customerId, DateTimeOffset now, CancellationToken ct)
    {
        if (flow.Definition.Entry?.OncePerCustomerWithinDays is not { } days) return false;
        var since = now.AddDays(-days);
        return await session.Query<FlowInstance>().AnyAsync(i => i.FlowId == flow.Id && i.CustomerId == customerId && i.StartedAt >= since, ct);
    }
}
