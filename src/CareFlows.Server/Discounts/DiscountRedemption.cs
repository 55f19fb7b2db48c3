using CareFlows.Contracts.Orders;
using Marten;

namespace CareFlows.Server.Discounts;

/// <summary>Marks the codes an order carries as used: once, by the first order that carries a valid one.</summary>
public sealed class DiscountRedemption(IDocumentStore store, ILogger<DiscountRedemption> log)
{
    public async Task RedeemAsync(OrderPlaced order, CancellationToken ct)
    {
        if (order.DiscountCodes.Count == 0) return;
        await using var session = store.LightweightSession();
        foreach (var code in order.DiscountCodes.Select(c => c.Trim().ToUpperInvariant()).Distinct())
        {
            if (await session.LoadAsync<DiscountCode>(code, ct) is not { } issued) continue;
            if (issued.UsedOnOrderId is { } usedOn && usedOn != order.OrderId)
            {
                log.LogWarning("Discount code {Code} used again on order {OrderId}; first used on {UsedOn}", code, order.OrderId, usedOn);
                continue;
            }
            issued.UsedAt ??= order.PlacedAt;
            issued.UsedOnOrderId = order.OrderId;
            session.Store(issued);
        }
        await session.SaveChangesAsync(ct);
    }
}
