using CareFlows.Contracts.Orders;
using JasperFx;
using Marten;

namespace CareFlows.Server.Orders;

/// <summary>Keeps <see cref="OrderRecord"/>s. Concurrent events of one order are merged, not lost (optimistic concurrency, retried).</summary>
public sealed class OrderRecords(IDocumentStore store)
{
    public Task<OrderRecord> PlacedAsync(OrderPlaced order, CancellationToken ct) =>
        UpdateAsync(order.OrderId, record =>
        {
            record.Order = order;
            record.CustomerId = order.Customer.CustomerId;
        }, ct);

    public Task<OrderRecord> EventAsync(string orderId, string eventName, DateTimeOffset occurredAt, string? reason, CancellationToken ct) =>
        UpdateAsync(orderId, record =>
        {
            record.Events.TryAdd(eventName, occurredAt);
            if (!string.IsNullOrWhiteSpace(reason)) record.Reasons.TryAdd(eventName, reason);
        }, ct);

    private async Task<OrderRecord> UpdateAsync(string orderId, Action<OrderRecord> change, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var session = store.LightweightSession();
            var record = await session.LoadAsync<OrderRecord>(orderId, ct) ?? new OrderRecord { Id = orderId };
            change(record);
            session.Store(record);
            try
            {
                await session.SaveChangesAsync(ct);
                return record;
            }
            catch (ConcurrencyException) when (attempt < 5) { /* another event of this order won the race: merge again */ }
        }
    }
}
