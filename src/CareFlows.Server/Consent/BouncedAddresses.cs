using CareFlows.Engine.Consent;
using CareFlows.Server.Delivery.Outbox;
using Marten;

namespace CareFlows.Server.Consent;

/// <summary>
/// A 5xx is the mail server's final word on an address. In the same commit as the message's outcome the address is
/// suppressed (later service and marketing mail skips it, whoever it is for); then the bounce goes on the customer's
/// consent record, for their history.
/// </summary>
public sealed class BouncedAddresses(ConsentChanges consent) : IMessageOutcomeHandler
{
    public Task WithinCommitAsync(IDocumentSession session, IReadOnlyList<EndedMessage> ended, CancellationToken ct)
    {
        foreach (var (message, outcome) in ended)
            if (outcome.IsBounce)
                session.Store(new SuppressedAddress { Id = SuppressedAddress.Key(message.Recipient), Reason = outcome.Reason, Since = outcome.At });
        return Task.CompletedTask;
    }

    public async Task AfterCommitAsync(EndedMessage ended, CancellationToken ct)
    {
        var (message, outcome) = ended;
        if (outcome.IsBounce && message.CustomerId != "")
            await consent.ApplyAsync(new RecordBounce(message.CustomerId, message.Recipient, outcome.Reason, outcome.At), ct);
    }
}
