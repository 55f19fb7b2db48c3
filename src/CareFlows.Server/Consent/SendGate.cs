using CareFlows.Engine.Consent;
using CareFlows.Server.Delivery;
using Marten;

namespace CareFlows.Server.Consent;

/// <summary>
/// Transactional mail always goes. Service and marketing mail needs consent (or the shop's default for a customer who
/// never decided) and an address that has not bounced. One address is one person: the latest decision about a
/// category by any customer record with this address stands (an opt-out under one customer id also stops the mail to
/// the same address under another).
/// </summary>
public sealed class SendGate(ConsentPolicy policy) : ISendGate
{
    public async Task<SendVerdict> CheckAsync(IQuerySession session, string customerId, string recipient, string category, CancellationToken ct)
    {
        if (category == ConsentCategories.Transactional) return SendVerdict.Yes;
        if (await session.LoadAsync<SuppressedAddress>(SuppressedAddress.Key(recipient), ct) is { } suppressed)
            return new SendVerdict(false, $"address bounced on {suppressed.Since:yyyy-MM-dd}: {suppressed.Reason}");
        if (category == ConsentCategories.Marketing && await session.LoadAsync<ErasedAddress>(ErasedAddress.Key(recipient), ct) is { } erased)
            return new SendVerdict(false, $"address erased on request on {erased.ErasedAt:yyyy-MM-dd}: no marketing");
        var consent = await ConsentOf(session, customerId, recipient, category, ct);
        var permission = policy.Check(consent?.State, Channels.Email, category);
        return new SendVerdict(permission.Allowed, permission.Reason);
    }

    // The record whose decision about this category is the latest, among the customer's own and every record kept under
    // the same address (an earlier guest checkout, another shop account); without any decision, the customer's own.
    private static async Task<CustomerConsent?> ConsentOf(IQuerySession session, string customerId, string recipient, string category, CancellationToken ct)
    {
        var ownId = ConsentStreamId.For(customerId);
        var email = EmailAddresses.Normalise(recipient);
        var records = await session.Query<CustomerConsent>().Where(c => c.Id == ownId || c.Email == email).ToListAsync(ct);
        var own = records.FirstOrDefault(r => r.Id == ownId);
        var decided = records
            .Select(r => (Record: r, Decision: r.State.DecisionFor(Channels.Email, category)))
            .Where(r => r.Decision is not null)
            .OrderByDescending(r => r.Decision!.At).ThenBy(r => r.Record.Id == ownId ? 0 : 1)
            .Select(r => r.Record)
            .FirstOrDefault();
        return decided ?? own ?? records.FirstOrDefault();
    }
}
