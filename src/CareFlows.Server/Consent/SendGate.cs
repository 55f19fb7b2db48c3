using CareFlows.Engine.Consent;
using CareFlows.Server.Delivery;
using Marten;

namespace CareFlows.Server.Consent;

/// <summary>
/// Transactional mail always goes. Service and marketing mail needs consent (or the shop's default for a customer who
/// never decided) and an address that has not bounced. One address is one person: the latest decision about a
/// category by any customer record with this address stands (an opt-out under one customer id also stops the mail to
/// the same address under another). A batch of questions costs three reads whatever its size: the suppressed
/// addresses, the erased addresses and the consent records, each for every question at once.
/// </summary>
public sealed class SendGate(ConsentPolicy policy) : ISendGate
{
    public async Task<IReadOnlyList<SendVerdict>> CheckManyAsync(IQuerySession session, IReadOnlyList<SendQuestion> questions, CancellationToken ct)
    {
        var gated = questions.Where(q => q.Category != ConsentCategories.Transactional).ToList();
        if (gated.Count == 0) return questions.Select(_ => SendVerdict.Yes).ToList();

        var suppressed = (await session.LoadManyAsync<SuppressedAddress>(ct, gated.Select(q => SuppressedAddress.Key(q.Recipient)).Distinct()))
            .ToDictionary(s => s.Id);
        var marketing = gated.Where(q => q.Category == ConsentCategories.Marketing).Select(q => ErasedAddress.Key(q.Recipient)).Distinct().ToList();
        var erased = marketing.Count == 0 ? [] : (await session.LoadManyAsync<ErasedAddress>(ct, marketing)).ToDictionary(e => e.Id);
        var ids = gated.Select(q => ConsentStreamId.For(q.CustomerId)).Distinct().ToArray();
        var emails = gated.Select(q => EmailAddresses.Normalise(q.Recipient)).Distinct().ToArray();
        var records = await session.Query<CustomerConsent>().Where(c => ids.Contains(c.Id) || emails.Contains(c.Email)).ToListAsync(ct);

        return questions.Select(q =>
        {
            if (q.Category == ConsentCategories.Transactional) return SendVerdict.Yes;
            if (suppressed.GetValueOrDefault(SuppressedAddress.Key(q.Recipient)) is { } bounced)
                return new SendVerdict(false, $"address bounced on {bounced.Since:yyyy-MM-dd}: {bounced.Reason}");
            if (q.Category == ConsentCategories.Marketing && erased.GetValueOrDefault(ErasedAddress.Key(q.Recipient)) is { } gone)
                return new SendVerdict(false, $"address erased on request on {gone.ErasedAt:yyyy-MM-dd}: no marketing");
            var permission = policy.Check(ConsentOf(records, q)?.State, Channels.Email, q.Category);
            return new SendVerdict(permission.Allowed, permission.Reason);
        }).ToList();
    }

    // The record whose decision about this category is the latest, among the customer's own and every record kept under
    // the same address (an earlier guest checkout, another shop account); without any decision, the customer's own.
    private static CustomerConsent? ConsentOf(IReadOnlyList<CustomerConsent> all, SendQuestion question)
    {
        var ownId = ConsentStreamId.For(question.CustomerId);
        var email = EmailAddresses.Normalise(question.Recipient);
        var records = all.Where(c => c.Id == ownId || c.Email == email).ToList();
        var own = records.FirstOrDefault(r => r.Id == ownId);
        var decided = records
            .Select(r => (Record: r, Decision: r.State.DecisionFor(Channels.Email, question.Category)))
            .Where(r => r.Decision is not null)
            .OrderByDescending(r => r.Decision!.At).ThenBy(r => r.Record.Id == ownId ? 0 : 1)
            .Select(r => r.Record)
            .FirstOrDefault();
        return decided ?? own ?? records.FirstOrDefault();
    }
}
