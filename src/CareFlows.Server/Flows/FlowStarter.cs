using CareFlows.Engine.Definitions;
using CareFlows.Engine.Runtime;
using CareFlows.Server.Definitions;
using CareFlows.Server.Delivery;
using CareFlows.Server.Orders;
using CareFlows.Server.Telemetry;
using Marten;

namespace CareFlows.Server.Flows;

/// <summary>
/// Starts the published flows an order event triggers. One instance per (flow, order): the stream id is derived
/// from both, so a duplicate event collides with the existing stream and its whole transaction rolls back.
/// </summary>
public sealed class FlowStarter(
    IDocumentStore store, FlowCatalog catalog, DecisionWriter writer, FlowResumer resumer, EngineEnvironment env,
    DispatchSignal dispatch, TimeProvider clock, CareFlowsMetrics metrics, ILogger<FlowStarter> log)
{
    public async Task StartTriggeredAsync(string triggerEvent, OrderRecord record, CancellationToken ct)
    {
        var flows = await catalog.TriggeredByAsync(triggerEvent, ct);
        if (flows.Count == 0) return;
        int customerOrders;
        await using (var query = store.QuerySession())
            customerOrders = await query.Query<OrderRecord>().CountAsync(o => o.CustomerId == record.CustomerId, ct);
        foreach (var flow in flows) await StartAsync(flow, record, Math.Max(1, customerOrders), ct);
    }

    private async Task StartAsync(CompiledFlow flow, OrderRecord record, int customerOrders, CancellationToken ct)
    {
        var (accepted, why) = FlowEngine.Accepts(flow, record.Order, customerOrders);
        if (!accepted)
        {
            log.LogInformation("Order {OrderId} does not enter {Flow}: {Why}", record.Id, flow.Id, why);
            return;
        }
        var streamId = FlowStreamId.For(flow.Id, record.Id);
        await using var session = store.LightweightSession();
        var now = clock.GetUtcNow();
        if (await EnteredRecentlyAsync(session, flow, record.CustomerId, streamId, now, ct))
        {
            log.LogInformation("Customer {CustomerId} entered {Flow} recently; order {OrderId} does not", record.CustomerId, flow.Id, record.Id);
            return;
        }
        var decision = FlowEngine.Start(flow, streamId, record.Order, customerOrders, now, env);
        session.Events.StartStream<FlowInstance>(streamId, await writer.WriteAsync(session, streamId, new InstanceState { InstanceId = streamId }, decision, now, ct));
        try
        {
            await session.SaveChangesAsync(ct);
        }
        catch (Exception e) when (e is Marten.Exceptions.ExistingStreamIdCollisionException or JasperFx.Events.ExistingStreamIdCollisionException)
        {
            log.LogInformation("Order {OrderId} is already in {Flow}; duplicate ignored", record.Id, flow.Id);
            return;
        }
        metrics.InstanceStarted(flow.Id);
        dispatch.Notify();
        await CatchUpAsync(streamId, record.Id, ct);
    }

    // Events of this order that were recorded before, or while, the instance started (out-of-order delivery, or a
    // flow triggered by a later event). The event handler records an event before it looks for instances, and this
    // looks at the record after the instance is committed, so between the two no event is missed.
    private async Task CatchUpAsync(Guid streamId, string orderId, CancellationToken ct)
    {
        await using var query = store.QuerySession();
        if (await query.LoadAsync<OrderRecord>(orderId, ct) is not { } record) return;
        foreach (var (name, at) in record.Events.OrderBy(e => e.Value))
            await resumer.OnOrderEventAsync(streamId, name, at, record.Reasons.GetValueOrDefault(name), ct);
    }

    private static async Task<bool> EnteredRecentlyAsync(IQuerySession session, CompiledFlow flow, string customerId, Guid streamId, DateTimeOffset now, CancellationToken ct)
    {
        if (flow.Definition.Entry?.OncePerCustomerWithinDays is not { } days) return false;
        var since = now.AddDays(-days);
        return await session.Query<FlowInstance>()
            .AnyAsync(i => i.FlowId == flow.Id && i.CustomerId == customerId && i.Id != streamId && i.StartedAt >= since, ct);
    }
}
