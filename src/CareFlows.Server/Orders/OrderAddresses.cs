using CareFlows.Server.Consent;
using Marten;

namespace CareFlows.Server.Orders;

/// <summary>Consent's <see cref="IKnownAddresses"/>: the address on the customer's latest order.</summary>
public sealed class OrderAddresses : IKnownAddresses
{
    public async Task<string?> LatestAsync(IQuerySession session, string customerId, CancellationToken ct)
    {
        var latest = await session.Query<OrderRecord>().Where(o => o.CustomerId == customerId)
            .OrderByDescending(o => o.Order.PlacedAt).FirstOrDefaultAsync(ct);
        return latest?.Order.Customer.Email is { Length: > 0 } email ? email : null;
    }
}
