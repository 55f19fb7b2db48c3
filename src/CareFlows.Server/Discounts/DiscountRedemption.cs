using CareFlows.Contracts.Orders;
using Marten;

namespace CareFlows.Server.Discounts;

/// <summary>Marks the codes an order carries as used, in the order's own unit of work: once, by the first order that carries one.</summary>
public sealed class DiscountRedemption(ILogger<DiscountRedemption> log)
{
    public async Task RedeemAsync(IDocumentSession session, OrderPlaced order, CancellationToken ct)
    {
        if (order.DiscountCodes.Count == 0) return;
        var codes = order.DiscountCodes.Select(c => c.Trim().ToUpperInvariant()).Distinct().ToArray();
        foreach (var issued in await session.LoadManyAsync<DiscountCode>(ct, codes))
        {
            if (issued.UsedOnOrderId is { } usedOn && usedOn != order.OrderId)
            {
                log.LogWarning("Discount code {Code} used again on order {OrderId}; first used on {UsedOn}", issued.Id, order.OrderId, usedOn);
                continue;
            }
            issued.UsedAt ??= order.PlacedAt;
            issued.UsedOnOrderId = order.OrderId;
            session.Store(issued);
        }
    }
}
