using CareFlows.Engine.Consent;
using CareFlows.Server.Consent;
using Marten;

namespace CareFlows.Server.Delivery;

public sealed record SendVerdict(bool Allowed, string Reason)
{
    public static readonly SendVerdict Yes = new(true, "allowed");
}

/// <summary>
/// Asked when a step sends and again just before the dispatcher hands the message to SMTP: whoever opts out on day 3
/// gets nothing on day 14, nor a message that was queued before they opted out and is still waiting. A "no" is
/// recorded on the instance as EmailSkipped with its reason, and the flow goes on.
/// </summary>
public interface ISendGate
{
    Task<SendVerdict> CheckAsync(IQuerySession session, string customerId, string recipient, string category, CancellationToken ct);
}

/// <summary>
/// Transactional mail always goes. Service and marketing mail needs the customer's consent (or the shop's default
/// for a customer who never decided) and an address that has not bounced.
/// </summary>
public sealed class SendGate(ConsentPolicy policy) : ISendGate
{
    public async Task<SendVerdict> CheckAsync(IQuerySession session, string customerId, string recipient, string category, CancellationToken ct)
    {
        if (category == ConsentCategories.Transactional) return SendVerdict.Yes;
        if (await session.LoadAsync<SuppressedAddress>(SuppressedAddress.Key(recipient), ct) is { } suppressed)
            return new SendVerdict(false, $"address bounced on {suppressed.Since:yyyy-MM-dd}: {suppressed.Reason}");
        var consent = await ConsentOf(session, customerId, recipient, ct);
        var permission = policy.Check(consent?.State, Channels.Email, category, recipient);
        return new SendVerdict(permission.Allowed, permission.Reason);
    }

    // The customer's own record first; else one kept under the same address, e.g. from an earlier guest checkout.
    private static async Task<CustomerConsent?> ConsentOf(IQuerySession session, string customerId, string recipient, CancellationToken ct)
    {
        if (await session.LoadAsync<CustomerConsent>(ConsentStreamId.For(customerId), ct) is { } own) return own;
        var email = EmailAddresses.Normalise(recipient);
        return await session.Query<CustomerConsent>().Where(c => c.Email == email).OrderByDescending(c => c.Version).FirstOrDefaultAsync(ct);
    }
}
