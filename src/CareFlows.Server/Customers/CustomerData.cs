using CareFlows.Server.Care;
using CareFlows.Server.Consent;
using CareFlows.Server.Delivery.Outbox;
using CareFlows.Server.Discounts;
using CareFlows.Server.Flows;
using CareFlows.Server.Orders;
using Marten;
using Npgsql;

namespace CareFlows.Server.Customers;

/// <summary>
/// Everything CareFlows holds about one customer, found by the shop's customer id: the consent stream, the order
/// records, every flow instance's stream, the outbox's messages (with their rendered content), discount codes, and
/// their care stream (answers, cases) with their owner.
/// What the export reads is exactly what the erasure removes: one list of places.
/// </summary>
public sealed class CustomerData(IDocumentStore store, NpgsqlDataSource dataSource)
{
    public async Task<CustomerExport?> ExportAsync(string customerId, DateTimeOffset now, CancellationToken ct)
    {
        await using var session = store.QuerySession();
        var found = await FindAsync(session, customerId, ct);
        if (found.IsEmpty) return null;
        var history = found.Consent is null ? [] : (await session.Events.FetchStreamAsync(found.Consent.Id, token: ct)).Select(e => e.Data).ToList();
        var instances = new List<ExportedInstance>();
        foreach (var instance in found.Instances)
            instances.Add(new ExportedInstance(instance.Id, instance.FlowId, instance.FlowVersion, instance.OrderId, instance.Status.ToString(),
                (await session.Events.FetchStreamAsync(instance.Id, token: ct)).Select(e => e.Data).ToList()));
        return new CustomerExport(customerId, now, found.Addresses, found.Consent, history, found.Orders, instances, await MessagesAsync(customerId, ct), found.Codes,
            found.Care, found.Owner);
    }

    /// <summary>
    /// Removes the customer's personal data: their event streams (hard-deleted, events and all) and the documents
    /// projected from them, their orders, discount codes, timers and outbox rows. Keeps a hash of each address so it gets
    /// no further marketing, and a record that the erasure happened. Returns null when nothing was held.
    /// </summary>
    public async Task<ErasureRecord?> EraseAsync(string customerId, DateTimeOffset now, CancellationToken ct)
    {
        CustomerFindings found;
        await using (var query = store.QuerySession()) found = await FindAsync(query, customerId, ct);
        if (found.IsEmpty) return null;
        var streams = found.Instances.Select(i => i.Id).Concat(found.Consent is { } c ? [c.Id] : []).Concat(found.Care is { } care ? [care.Id] : []).ToArray();

        // Rows first, in one transaction: once they are gone nothing is sent or resumed for this customer.
        var messages = 0;
        await using (var connection = await dataSource.OpenConnectionAsync(ct))
        await using (var tx = await connection.BeginTransactionAsync(ct))
        {
            await using (var outbox = new NpgsqlCommand($"delete from {OutboxSchema.Table} where customer_id = @customer or stream_id = any(@streams)", connection, tx))
            {
                outbox.Parameters.AddWithValue("customer", customerId);
                outbox.Parameters.AddWithValue("streams", streams);
                messages = await outbox.ExecuteNonQueryAsync(ct);
            }
            // Helpdesk messages staged for RabbitMQ name the customer and quote them.
            await using (var publications = new NpgsqlCommand(
                $"delete from {Hosting.Publications.PublicationSchema.Table} where body->>'customerId' = @customer", connection, tx))
            {
                publications.Parameters.AddWithValue("customer", customerId);
                await publications.ExecuteNonQueryAsync(ct);
            }
            await using (var timers = new NpgsqlCommand("delete from careflows.timers where stream_id = any(@streams)", connection, tx))
            {
                timers.Parameters.AddWithValue("streams", streams);
                await timers.ExecuteNonQueryAsync(ct);
            }
            await tx.CommitAsync(ct);
        }

        await using (var session = store.LightweightSession())
        {
            foreach (var instance in found.Instances) session.HardDelete(instance);
            if (found.Consent is not null) session.HardDelete(found.Consent);
            if (found.Care is not null) session.HardDelete(found.Care);
            if (found.Owner is not null) session.HardDelete(found.Owner);
            foreach (var order in found.Orders) session.HardDelete(order);
            foreach (var code in found.Codes) session.HardDelete(code);
            foreach (var address in found.Addresses)
            {
                session.Delete<SuppressedAddress>(SuppressedAddress.Key(address));
                session.Store(new ErasedAddress { Id = ErasedAddress.Key(address), ErasedAt = now });
            }
            var record = new ErasureRecord
            {
                Id = ErasedAddress.Hash(customerId), ErasedAt = now, Orders = found.Orders.Count, Instances = found.Instances.Count,
                Messages = messages, Addresses = found.Addresses.Count,
            };
            session.Store(record);
            await session.SaveChangesAsync(ct);
            // The events themselves: Marten's documented way to remove a stream for good (its projections are the documents above).
            foreach (var stream in streams) await store.Advanced.Clean.DeleteSingleEventStreamAsync(stream, null, ct);
            return record;
        }
    }

    private sealed record CustomerFindings(CustomerConsent? Consent, IReadOnlyList<OrderRecord> Orders, IReadOnlyList<FlowInstance> Instances,
        IReadOnlyList<DiscountCode> Codes, IReadOnlyList<string> Addresses, CustomerCareFile? Care, CustomerOwner? Owner)
    {
        public bool IsEmpty => Consent is null && Orders.Count == 0 && Instances.Count == 0 && Codes.Count == 0 && Care is null;
    }

    private static async Task<CustomerFindings> FindAsync(IQuerySession session, string customerId, CancellationToken ct)
    {
        var consent = await session.LoadAsync<CustomerConsent>(ConsentStreamId.For(customerId), ct);
        var orders = await session.Query<OrderRecord>().Where(o => o.CustomerId == customerId).ToListAsync(ct);
        var instances = await session.Query<FlowInstance>().Where(i => i.CustomerId == customerId).ToListAsync(ct);
        var codes = await session.Query<DiscountCode>().Where(d => d.CustomerId == customerId).ToListAsync(ct);
        var addresses = orders.Select(o => o.Order.Customer.Email).Append(consent?.Email ?? "")
            .Where(a => a.Length > 0).Select(CareFlows.Engine.Consent.EmailAddresses.Normalise).Distinct().ToList();
        var care = await session.LoadAsync<CustomerCareFile>(CareStreamId.For(customerId), ct);
        var owner = await session.LoadAsync<CustomerOwner>(customerId, ct);
        return new CustomerFindings(consent, orders, instances, codes, addresses, care, owner);
    }

    private async Task<IReadOnlyList<ExportedMessage>> MessagesAsync(string customerId, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(
            $"select message_id, template, category, recipient, subject, html_body, text_body, status, created_at, sent_at from {OutboxSchema.Table} where customer_id = @customer order by created_at");
        command.Parameters.AddWithValue("customer", customerId);
        var messages = new List<ExportedMessage>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            messages.Add(new ExportedMessage(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
                reader.GetString(5), reader.GetString(6), reader.GetString(7), reader.GetFieldValue<DateTimeOffset>(8),
                reader.IsDBNull(9) ? null : reader.GetFieldValue<DateTimeOffset>(9)));
        return messages;
    }
}
