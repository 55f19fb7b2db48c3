using CareFlows.Engine.Runtime;
using Marten;
using Npgsql;

namespace CareFlows.Server.Delivery.Outbox;

/// <summary>
/// Claims due messages for one dispatcher and records how each ended. A claim is a lease, not a lock held
/// across the SMTP conversation: rows are claimed with FOR UPDATE SKIP LOCKED (so two processes never claim
/// the same row) and the lease lets another process take over a row whose claimant died.
/// </summary>
public sealed class OutboxStore(NpgsqlDataSource dataSource, IDocumentStore store)
{
    private const string ClaimSql = $"""
        update {OutboxSchema.Table} o
           set lease_until = @lease_until, attempts = o.attempts + 1
         where o.message_id in (
               select message_id from {OutboxSchema.Table}
                where status = 'pending' and due_at <= @now and (lease_until is null or lease_until < @now)
                order by due_at
                limit @limit
                for update skip locked)
        returning o.message_id, o.stream_id, o.step_id, o.template, o.category, o.recipient,
                  o.subject, o.html_body, o.text_body, o.attempts, o.created_at
        """;

    public async Task<IReadOnlyList<OutboxMessage>> ClaimAsync(DateTimeOffset now, int limit, TimeSpan lease, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(ClaimSql);
        command.Parameters.AddWithValue("now", now);
        command.Parameters.AddWithValue("lease_until", now + lease);
        command.Parameters.AddWithValue("limit", limit);
        var claimed = new List<OutboxMessage>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            claimed.Add(new OutboxMessage(
                reader.GetString(0), reader.GetGuid(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
                reader.GetString(5), reader.GetString(6), reader.GetString(7), reader.GetString(8), reader.GetInt32(9),
                reader.GetFieldValue<DateTimeOffset>(10)));
        return claimed;
    }

    public Task MarkSentAsync(OutboxMessage message, DateTimeOffset now, CancellationToken ct) =>
        Finish(message, $"update {OutboxSchema.Table} set status = 'sent', sent_at = ?, lease_until = null, last_error = null where message_id = ?",
            [now, message.MessageId], new EmailSent(message.StepId, message.MessageId, now), ct);

    public Task MarkFailedAsync(OutboxMessage message, string reason, bool permanent, DateTimeOffset now, CancellationToken ct) =>
        Finish(message, $"update {OutboxSchema.Table} set status = ?, lease_until = null, last_error = ? where message_id = ?",
            [permanent ? "bounced" : "failed", reason, message.MessageId],
            new EmailFailed(message.StepId, message.MessageId, reason, permanent, now), ct);

    public async Task RescheduleAsync(OutboxMessage message, DateTimeOffset dueAt, string reason, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(
            $"update {OutboxSchema.Table} set due_at = @due_at, lease_until = null, last_error = @reason where message_id = @id");
        command.Parameters.AddWithValue("due_at", dueAt);
        command.Parameters.AddWithValue("reason", reason);
        command.Parameters.AddWithValue("id", message.MessageId);
        await command.ExecuteNonQueryAsync(ct);
    }

    // The row's final state and the event on the instance's stream commit together.
    private async Task Finish(OutboxMessage message, string sql, object[] parameters, object @event, CancellationToken ct)
    {
        await using var session = store.LightweightSession();
        session.Events.Append(message.StreamId, @event);
        session.QueueSqlCommand(sql, parameters);
        await session.SaveChangesAsync(ct);
    }
}
