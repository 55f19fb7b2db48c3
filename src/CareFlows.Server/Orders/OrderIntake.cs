using CareFlows.Contracts.Orders;
using CareFlows.Server.Discounts;
using CareFlows.Server.Flows;
using Marten;

namespace CareFlows.Server.Orders;

/// <summary>What happens when an order event arrives, whatever carried it (RabbitMQ today, HTTP too).</summary>
public sealed class OrderIntake(OrderRecords records, FlowStarter starter, FlowInstances instances, FlowResumer resumer, DiscountRedemption discounts)
{
    public async Task PlacedAsync(OrderPlaced order, CancellationToken ct)
    {
        var record = await records.PlacedAsync(order, ct);
        await discounts.RedeemAsync(order, ct);
        await starter.StartTriggeredAsync("OrderPlaced", record, ct);
    }

    /// <summary>
    /// Shipped, delivered, cancelled, refunded: recorded first, then handed to every running instance of the order
    /// (which may resume, exit, or remember it), then used to start flows it triggers. Repeating it changes nothing.
    /// </summary>
    public async Task LifecycleAsync(string eventName, string orderId, DateTimeOffset occurredAt, string? reason, CancellationToken ct)
    {
        var record = await records.EventAsync(orderId, eventName, occurredAt, reason, ct);
        foreach (var instance in await instances.ActiveForOrderAsync(orderId, ct))
            await resumer.OnOrderEventAsync(instance, eventName, occurredAt, reason, ct);
        if (record.Order.OrderId.Length > 0) await starter.StartTriggeredAsync(eventName, record, ct);
    }
}
