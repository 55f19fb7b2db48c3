using CareFlows.Engine.Activities;
using CareFlows.Server.Hosting;
using CareFlows.Contracts.Orders;
using CareFlows.Server.Definitions;
using CareFlows.Server.Delivery;
using CareFlows.Server.Discounts;
using CareFlows.Server.Flows;
using CareFlows.Server.Telemetry;
using JasperFx;
using Marten;

namespace CareFlows.Server.Orders;

/// <summary>
/// What happens when an order event arrives, whatever carried it. Each event is one read (the order's record, the
/// customer's order count and which instances exist, batched) and one commit (the record, redeemed codes and every
/// flow it starts). The record is written with optimistic concurrency, so two events of one order are serialized:
/// whichever commits second decides again on what the first wrote, and no instance misses an event.
/// </summary>
public sealed class OrderIntake(
    IDocumentStore store, FlowCatalog catalog, FlowStarter starter, FlowInstances instances, FlowResumer resumer,
    DiscountRedemption discounts, DispatchSignal dispatch, CareFlowsMetrics metrics, ILogger<OrderIntake> log)
{
    /// <summary>
    /// Recorded (and flows it triggers started), then told to the customer's instances on earlier orders that wait for
    /// a next order (a win-back flow ends there). Repeating it changes nothing: an instance remembers what it observed.
    /// </summary>
    public async Task PlacedAsync(OrderPlaced order, CancellationToken ct)
    {
        await RecordAndStartAsync("OrderPlaced", order.OrderId, order.Customer.CustomerId, record =>
        {
            record.Order = order;
            record.CustomerId = order.Customer.CustomerId;
        }, (session, token) => discounts.RedeemAsync(session, order, token), ct);
        foreach (var instance in await instances.ActiveForCustomerWaitingForAsync(order.Customer.CustomerId, order.OrderId, ActivityCatalog.NextOrderPlaced, ct))
            await resumer.OnOrderEventAsync(instance, ActivityCatalog.NextOrderPlaced, order.PlacedAt, null, ct);
    }

    /// <summary>
    /// Shipped, delivered, cancelled, refunded: recorded (and flows it triggers started) first, then handed to every
    /// running instance of the order, which may resume, exit, or remember it. Repeating it changes nothing.
    /// </summary>
    public async Task LifecycleAsync(string eventName, string orderId, DateTimeOffset occurredAt, string? reason, CancellationToken ct)
    {
        await RecordAndStartAsync(eventName, orderId, null, record =>
        {
            record.Events.TryAdd(eventName, occurredAt);
            if (!string.IsNullOrWhiteSpace(reason)) record.Reasons.TryAdd(eventName, reason);
        }, null, ct);
        foreach (var instance in await instances.ActiveForOrderAsync(orderId, ct))
            await resumer.OnOrderEventAsync(instance, eventName, occurredAt, reason, ct);
    }

    private async Task RecordAndStartAsync(string eventName, string orderId, string? customerId, Action<OrderRecord> change,
        Func<IDocumentSession, CancellationToken, Task>? alsoDo, CancellationToken ct)
    {
        var flows = await catalog.TriggeredByAsync(eventName, ct);
        var started = await WriteConflicts.RetryAsync(async _ =>
        {
            await using var session = store.LightweightSession();
            var batch = session.CreateBatchQuery();
            var loadRecord = batch.Load<OrderRecord>(orderId);
            var loadInstances = batch.LoadMany<FlowInstance>().ById(flows.Select(f => FlowStreamId.For(f.Id, orderId)).ToArray());
            var countOrders = customerId is null ? null : batch.Query<OrderRecord>().Count(o => o.CustomerId == customerId);
            await batch.Execute(ct);

            var existingRecord = await loadRecord;
            var record = existingRecord ?? new OrderRecord { Id = orderId };
            change(record);
            session.Store(record);
            if (alsoDo is not null) await alsoDo(session, ct);
            IReadOnlyList<string> started = [];
            if (record.Order.OrderId.Length > 0 && flows.Count > 0)
            {
                var customerOrders = countOrders is null
                    ? await session.Query<OrderRecord>().CountAsync(o => o.CustomerId == record.CustomerId, ct)
                    : (int)await countOrders + (existingRecord is null ? 1 : 0);
                var existing = (await loadInstances).Select(i => i.Id).ToHashSet();
                started = await starter.StageAsync(session, flows, record.Facts(), Math.Max(1, customerOrders), existing, ct);
            }
            await session.SaveChangesAsync(ct);
            return started;
        }, ct, attempt => log.LogDebug("Order {OrderId} changed while handling {Event}; deciding again (attempt {Attempt})", orderId, eventName, attempt + 1));
        foreach (var flow in started) metrics.InstanceStarted(flow);
        if (started.Count > 0) dispatch.Notify();
    }
}
