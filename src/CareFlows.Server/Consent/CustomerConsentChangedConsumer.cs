using CareFlows.Contracts.Consent;
using CareFlows.Engine.Consent;

using Marten;
using MassTransit;

using CareFlows.Server.Hosting;

namespace CareFlows.Server.Consent;

/// <summary>
/// The shop's consent decisions (e.g. the checkout's "send me offers" box). Idempotent on the message id: the
/// receipt commits with the change, so a redelivered message finds it and does nothing.
/// </summary>
public sealed class CustomerConsentChangedConsumer(ConsentChanges changes, IDocumentStore store, ConsentOptions options, TimeProvider clock) : IConsumer<CustomerConsentChanged>
{
    public async Task Consume(ConsumeContext<CustomerConsentChanged> context)
    {
        var m = context.Message;
        var faults = ConsentValidation.Faults(m.CustomerId, m.Email, m.Channel, m.Category, m.ChangedAt, m.Source, clock.GetUtcNow(), options.MaxClockSkew);
        if (context.MessageId is null) faults = [.. faults, "the message has no MessageId, so a redelivery could not be recognised"];
        if (faults.Count > 0) throw new InvalidMessageException(nameof(CustomerConsentChanged), faults);

        var receiptId = $"{nameof(CustomerConsentChanged)}:{context.MessageId}";
        await using (var query = store.QuerySession())
            if (await query.LoadAsync<ConsentMessageReceipt>(receiptId, context.CancellationToken) is not null) return;

        var source = string.IsNullOrWhiteSpace(m.Source) ? ConsentSources.Shop : m.Source;
        await changes.ApplyAsync(new ChangeConsent(m.CustomerId, m.Email, m.Channel, m.Category, m.OptedIn, source, m.ChangedAt), context.CancellationToken,
            session => session.Insert(new ConsentMessageReceipt { Id = receiptId, ReceivedAt = clock.GetUtcNow() }));
    }
}
