using CareFlows.Contracts.Orders;
using Marten;

namespace CareFlows.Server.Delivery;

public sealed record SendVerdict(bool Allowed, string Reason)
{
    public static readonly SendVerdict Yes = new(true, "allowed");
}

/// <summary>
/// Asked at the moment a step sends, not when the flow started: whoever opts out on day 3 gets nothing on day 14.
/// This is where consent plugs in (issue #4). A "no" is recorded on the instance as EmailSkipped with its reason,
/// and the flow goes on.
/// </summary>
public interface ISendGate
{
    Task<SendVerdict> CheckAsync(IQuerySession session, OrderPlaced order, string category, CancellationToken ct);
}

/// <summary>
/// Transactional mail always goes. Service and marketing mail does not go to an address that bounced.
/// (Consent, issue #4, adds its check here.)
/// </summary>
public sealed class SendGate : ISendGate
{
    public async Task<SendVerdict> CheckAsync(IQuerySession session, OrderPlaced order, string category, CancellationToken ct)
    {
        if (category == Outbox.MessageCategory.Transactional) return SendVerdict.Yes;
        return await session.LoadAsync<SuppressedAddress>(SuppressedAddress.Key(order.Customer.Email), ct) is { } suppressed
            ? new SendVerdict(false, $"address bounced on {suppressed.Since:yyyy-MM-dd}: {suppressed.Reason}")
            : SendVerdict.Yes;
    }
}
