using CareFlows.Server.Orders;
using Marten;

namespace CareFlows.Server.Consent;

/// <summary>
/// A customer's email address when a change arrives without one (the preference page carries only the customer
/// id in its link): the one on their consent record, else the one on their latest order.
/// </summary>
public static class KnownAddresses
{
    public static async Task<string?> ForAsync(IQuerySession session, string customerId, CancellationToken ct)
    {
        if (await session.LoadAsync<CustomerConsent>(ConsentStreamId.For(customerId), ct) is { Email.Length: > 0 } consent) return consent.Email;
        var latest = await session.Query<OrderRecord>().Where(o => o.CustomerId == customerId)
            .OrderByDescending(o => o.Order.PlacedAt).FirstOrDefaultAsync(ct);
        return latest?.Order.Customer.Email is { Length: > 0 } email ? email : null;
    }
}
