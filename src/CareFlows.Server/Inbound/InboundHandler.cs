using CareFlows.Engine.Consent;
using CareFlows.Server.Consent;
using CareFlows.Server.Delivery;
using CareFlows.Server.Delivery.Outbox;
using CareFlows.Server.Feedback;
using CareFlows.Server.Orders;
using Marten;
using MimeKit;
using Npgsql;

namespace CareFlows.Server.Inbound;

/// <summary>
/// Does what one inbound mail asks, once: a reply becomes the customer's answer (and a case), a delivery report a
/// bounce on the message it reports, mail to the unsubscribe address an unsubscription of its sender. Each effect
/// commits with the mail's "handled" row where it can, so a mail handled by two processes counts once.
/// </summary>
public sealed class InboundHandler(
    EmailOptions email, ConsentOptions consent, FeedbackRecorder feedback, OutboxStore outbox, ConsentChanges changes,
    IDocumentStore store, NpgsqlDataSource dataSource, TimeProvider clock, ILogger<InboundHandler> log)
{
    private const string MarkSql = $"insert into {InboundSchema.Table} (mail_key, kind, handled_at) values (?, ?, ?)";

    public async Task<InboundKind> HandleAsync(MimeMessage mail, string key, CancellationToken ct)
    {
        if (await HandledBeforeAsync(key, ct)) return InboundKind.Ignored;
        var what = InboundMail.Classify(mail, email.MessageIdDomain, consent.UnsubscribeMailto);
        var now = clock.GetUtcNow();
        void Mark(IDocumentSession session, InboundKind kind) => session.QueueSqlCommand(MarkSql, key, kind.ToString(), now);
        try
        {
            switch (what.Kind)
            {
                case InboundKind.Reply:
                    var recorded = await feedback.RecordAsync(what.MessageId!, null, null, null, what.Text, "email reply", ct, s => Mark(s, InboundKind.Reply));
                    if (recorded.Recorded) return InboundKind.Reply;
                    return await MarkAsync(key, InboundKind.Unmatched, now, "a reply to an instance that no longer exists", ct);
                case InboundKind.Bounce when await outbox.FindSentAsync(what.MessageId!, ct) is { } sent:
                    await outbox.RecordLateBounceAsync(sent, what.Reason!, now, s => Mark(s, InboundKind.Bounce), ct);
                    log.LogInformation("Message {MessageId} bounced after it was accepted (a delivery status notification)", sent.MessageId);
                    return InboundKind.Bounce;
                case InboundKind.Bounce:
                    return await MarkAsync(key, InboundKind.Ignored, now, "a bounce for a message already recorded as not delivered", ct);
                case InboundKind.Unsubscribe:
                    var customers = await CustomersWithAsync(what.Address!, ct);
                    if (customers.Count == 0) return await MarkAsync(key, InboundKind.Unmatched, now, "an unsubscribe request from an address no customer has", ct);
                    // Unsubscribing is idempotent, so it runs before the mark: a crash between them repeats it harmlessly.
                    foreach (var customerId in customers)
                        await changes.ApplyAsync(new UnsubscribeAll(customerId, Channels.Email, ConsentSources.MailtoUnsubscribe, null, now), ct);
                    log.LogInformation("Unsubscribed {Count} customer(s) who wrote to the unsubscribe address", customers.Count);
                    return await MarkAsync(key, InboundKind.Unsubscribe, now, null, ct);
                default:
                    return await MarkAsync(key, what.Kind, now, what.Reason, ct);
            }
        }
        catch (Exception e) when (IsMarkedAlready(e))
        {
            log.LogDebug("Inbound mail {Key} was handled by another process", key);
            return InboundKind.Ignored;
        }
    }

    private async Task<InboundKind> MarkAsync(string key, InboundKind kind, DateTimeOffset now, string? why, CancellationToken ct)
    {
        await using var session = store.LightweightSession();
        session.QueueSqlCommand(MarkSql, key, kind.ToString(), now);
        await session.SaveChangesAsync(ct);
        if (why is not null) log.LogInformation("Inbound mail kept for a person ({Kind}): {Why}", kind, why);
        return kind;
    }

    private async Task<bool> HandledBeforeAsync(string key, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand($"select exists (select 1 from {InboundSchema.Table} where mail_key = @key)");
        command.Parameters.AddWithValue("key", key);
        return (bool)(await command.ExecuteScalarAsync(ct))!;
    }

    // Whoever holds the address: by their consent record, and by the orders they placed with it.
    private async Task<IReadOnlyList<string>> CustomersWithAsync(string address, CancellationToken ct)
    {
        await using var session = store.QuerySession();
        var byConsent = await session.Query<CustomerConsent>().Where(c => c.Email == address).Select(c => c.CustomerId).ToListAsync(ct);
        var byOrders = await session.Query<OrderRecord>().Where(o => o.Order.Customer.Email.ToLower() == address).Select(o => o.CustomerId).ToListAsync(ct);
        return byConsent.Concat(byOrders).Where(id => id != "").Distinct().ToList();
    }

    private static bool IsMarkedAlready(Exception e)
    {
        for (var x = e; x is not null; x = x.InnerException)
            if (x is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation, ConstraintName: InboundSchema.PrimaryKey }) return true;
        return false;
    }
}
