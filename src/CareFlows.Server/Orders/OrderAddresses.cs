using CareFlows.Server.Consent;
using Marten;

namespace CareFlows.Server.Orders;

/// <summary>Consent's <see cref="IKnownCustomers"/>: the address and locale on the customer's latest order.</summary>
public sealed class OrderAddresses : IKnownCustomers
{
    public async Task<KnownCustomer> LatestAsync(IQuerySession session, string customerId, CancellationToken ct)
    {
        var latest = await session.Query<OrderRecord>().Where(o => o.CustomerId == customerId)
            .OrderByDescending(o => o.Order.PlacedAt).FirstOrDefaultAsync(ct);
        var customer = latest?.Order.Customer;
        return new KnownCustomer(customer?.Email is { Length: > 0 } email ? email : null, customer?.Locale is { Length: > 0 } locale ? locale : null);
    }
}
