using CareFlows.Server.Delivery.Smtp;
using CareFlows.Server.Hosting;
using Marten;
using Npgsql;

namespace CareFlows.Server.Delivery.Outbox;

/// <summary>
/// Claims due messages for one dispatcher and records how each ended. A claim is a lease, not a lock held
/// across the SMTP conversation: rows are claimed with FOR UPDATE SKIP LOCKED (so two processes never claim
/// the same row) and the lease lets another process take over a row whose claimant died.
/// </summary>
public sealed class OutboxStore(NpgsqlDataSource dataSource, IDocumentStore store, IEnumerable<IMessageOutcomeHandler> outcomeHandlers)
{
    private const string ClaimSql = $"""
        update {OutboxSchema.Table} o
           set lease_until = @lease_until, attempts = o.attempts + 1
         where o.message_id in (
               select message_id from {OutboxSchema.Table}
                where status = '{OutboxStatus.Pending}' and due_at <= @now and (lease_until is null or lease_until < @now)
                order by due_at, created_at
                limit @limit
                for update skip locked)
        returning o.message_id, o.stream_id, o.step_id, o.template, o.category, o.recipient,
                  o.subject, o.html_body, o.text_body, o.attempts, o.created_at,
                  o.kind, o.customer_id, o.unsubscribe_url, o.locale, o.template_version, o.list_unsubscribe, o.from_name, o.reply_to
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
            claimed.Add(new OutboxMessage
            {
                MessageId = reader.GetString(0), StreamId = reader.GetGuid(1), StepId = reader.GetString(2), Template = reader.GetString(3),
                Category = reader.GetString(4), Recipient = reader.GetString(5), Subject = reader.GetString(6), HtmlBody = reader.GetString(7),
                TextBody = reader.GetString(8), Attempts = reader.GetInt32(9), CreatedAt = reader.GetFieldValue<DateTimeOffset>(10),
                Kind = reader.GetString(11), CustomerId = reader.GetString(12), UnsubscribeUrl = reader.GetString(13), Locale = reader.GetString(14),
                TemplateVersion = reader.GetString(15), ListUnsubscribe = reader.GetString(16), FromName = reader.GetString(17), ReplyTo = reader.GetString(18),
            });
        return claimed;
    }

    /// <summary>
    /// From here until it is marked sent, failed or pending again, a message is in flight. A row left in this state by
    /// a process that died is not sent again (see <see cref="SweepAbandonedAsync"/>): a duplicate is worse than a doubt.
    /// So only messages about to be handed to SMTP are marked, never a whole claimed batch ahead of time: a crash must
    /// not turn a message that was never attempted into a doubt. One small commit of its own, on the path of every
    /// round; returns the messages still ours (a row taken over after its lease ran out, or erased, is not).
    /// </summary>
    public async Task<IReadOnlyList<OutboxMessage>> MarkSendingAsync(IReadOnlyList<OutboxMessage> messages, CancellationToken ct)
    {
        if (messages.Count == 0) return [];
        await using var command = dataSource.CreateCommand(
            $"update {OutboxSchema.Table} set status = '{OutboxStatus.Sending}' where message_id = any(@ids) and status = '{OutboxStatus.Pending}' returning message_id");
        command.Parameters.AddWithValue("ids", messages.Select(m => m.MessageId).ToArray());
        var marked = new HashSet<string>();
        await using (var reader = await command.ExecuteReaderAsync(ct))
            while (await reader.ReadAsync(ct)) marked.Add(reader.GetString(0));
        return messages.Count == marked.Count ? messages : messages.Where(m => marked.Contains(m.MessageId)).ToList();
    }

    /// <summary>
    /// How a round's messages ended, in one commit: the rows, and each outcome handler's part (such as EmailSent on the
    /// instance, appended at the version it read). A conflict (an instance took a step meanwhile) makes the round fall
    /// back to one commit per message, each retried on fresh state.
    /// </summary>
    public async Task SettleAsync(IReadOnlyList<Settlement> settled, CancellationToken ct)
    {
        if (settled.Count == 0) return;
        try
        {
            await CommitAsync(settled, null, ct);
        }
        catch (Exception e) when (WriteConflicts.Is(e))
        {
            foreach (var one in settled) await WriteConflicts.RetryAsync(() => CommitAsync([one], null, ct), ct);
        }
        await AfterCommitAsync(settled, ct);
    }

    public Task MarkSentAsync(OutboxMessage message, DateTimeOffset now, CancellationToken ct) =>
        SettleAsync([Settlement.Ended(message, new MessageOutcome(OutboxStatus.Sent, "", now))], ct);

    /// <summary>
    /// Messages whose sender died mid-conversation. By default recorded as in doubt, with an event on their instance,
    /// and never resent; with <see cref="InDoubtPolicy.Resend"/> they are pending again and go once more.
    /// </summary>
    public async Task<int> SweepAbandonedAsync(DateTimeOffset now, InDoubtPolicy policy, CancellationToken ct)
    {
        if (policy == InDoubtPolicy.Resend)
        {
            await using var resend = dataSource.CreateCommand(
                $"update {OutboxSchema.Table} set status = '{OutboxStatus.Pending}', due_at = created_at, lease_until = null, retry_kind = '{RetryKind.Message}', last_error = @reason where status = '{OutboxStatus.Sending}' and lease_until < @now");
            resend.Parameters.AddWithValue("reason", "in doubt: the sending process stopped during the SMTP conversation; sent again (Delivery:InDoubt = Resend)");
            resend.Parameters.AddWithValue("now", now);
            return await resend.ExecuteNonQueryAsync(ct);
        }
        const string reason = "in doubt: the sending process stopped during the SMTP conversation; not resent, to avoid a duplicate";
        await using var command = dataSource.CreateCommand(
            $"""
            update {OutboxSchema.Table} set status = '{OutboxStatus.Doubt}', last_error = @reason where status = '{OutboxStatus.Sending}' and lease_until < @now
            returning message_id, stream_id, step_id, template, category, recipient, created_at, kind, customer_id
            """);
        command.Parameters.AddWithValue("reason", reason);
        command.Parameters.AddWithValue("now", now);
        var abandoned = new List<OutboxMessage>();
        await using (var reader = await command.ExecuteReaderAsync(ct))
            while (await reader.ReadAsync(ct))
                abandoned.Add(new OutboxMessage
                {
                    MessageId = reader.GetString(0), StreamId = reader.GetGuid(1), StepId = reader.GetString(2), Template = reader.GetString(3),
                    Category = reader.GetString(4), Recipient = reader.GetString(5), CreatedAt = reader.GetFieldValue<DateTimeOffset>(6),
                    Kind = reader.GetString(7), CustomerId = reader.GetString(8), Subject = "", HtmlBody = "", TextBody = "",
                });
        if (abandoned.Count == 0) return 0;
        var outcome = new MessageOutcome(OutboxStatus.Doubt, reason, now);
        // The rows are already 'doubt' (the update above): only the handlers' parts are left to commit.
        var ended = abandoned.Select(m => new EndedMessage(m, outcome)).ToList();
        await WriteConflicts.RetryAsync(async () =>
        {
            await using var session = store.LightweightSession();
            foreach (var handler in outcomeHandlers) await handler.WithinCommitAsync(session, ended, ct);
            await session.SaveChangesAsync(ct);
        }, ct);
        return abandoned.Count;
    }

    /// <summary>A sent message, as the outbox holds it (without its bodies): what a late report about it needs.</summary>
    public async Task<OutboxMessage?> FindSentAsync(string messageId, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(
            $"select message_id, stream_id, step_id, template, category, recipient, created_at, kind, customer_id from {OutboxSchema.Table} where message_id = @id and status = '{OutboxStatus.Sent}'");
        command.Parameters.AddWithValue("id", messageId);
        await using var reader = await command.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct)) return null;
        return new OutboxMessage
        {
            MessageId = reader.GetString(0), StreamId = reader.GetGuid(1), StepId = reader.GetString(2), Template = reader.GetString(3),
            Category = reader.GetString(4), Recipient = reader.GetString(5), CreatedAt = reader.GetFieldValue<DateTimeOffset>(6),
            Kind = reader.GetString(7), CustomerId = reader.GetString(8), Subject = "", HtmlBody = "", TextBody = "",
        };
    }

    /// <summary>
    /// The receiving server accepted a message and later reported it undeliverable (an RFC 3464 delivery status
    /// notification): the same outcome as a 5xx at the time, told to the same handlers, committed with whatever the
    /// caller stages (the inbound reader's "handled" mark).
    /// </summary>
    public async Task RecordLateBounceAsync(OutboxMessage message, string reason, DateTimeOffset now, Action<IDocumentSession> stageWith, CancellationToken ct)
    {
        var bounced = Settlement.LateBounce(message, reason, now);
        await WriteConflicts.RetryAsync(() => CommitAsync([bounced], stageWith, ct), ct);
        await AfterCommitAsync([bounced], ct);
    }

    /// <summary>Whether any message waits for the SMTP server to come back (and so whether probing it is worth it).</summary>
    public async Task<bool> AnyWaitingForServerAsync(DateTimeOffset now, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(
            $"select exists (select 1 from {OutboxSchema.Table} where status = '{OutboxStatus.Pending}' and retry_kind = '{RetryKind.Server}' and due_at > @now)");
        command.Parameters.AddWithValue("now", now);
        return (bool)(await command.ExecuteScalarAsync(ct))!;
    }

    /// <summary>
    /// The SMTP server answers again: every message that waited for it is due now. Their due time becomes the time
    /// they were queued, so the claim (ordered by due time) sends them in the order they were queued.
    /// </summary>
    public async Task<int> ReleaseWaitingForServerAsync(CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(
            $"update {OutboxSchema.Table} set due_at = created_at, retry_kind = null where status = '{OutboxStatus.Pending}' and retry_kind = '{RetryKind.Server}'");
        return await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>How many messages are due and not yet sent, and when the oldest of them fell due.</summary>
    public async Task<OutboxBacklog> BacklogAsync(DateTimeOffset now, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(
            $"select count(*), min(due_at) from {OutboxSchema.Table} where status = '{OutboxStatus.Pending}' and due_at <= @now");
        command.Parameters.AddWithValue("now", now);
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        var oldest = reader.IsDBNull(1) ? (DateTimeOffset?)null : reader.GetFieldValue<DateTimeOffset>(1);
        return new OutboxBacklog(reader.GetInt64(0), oldest is { } due ? now - due : TimeSpan.Zero);
    }

    // The rows' new states and what the final ones mean for their senders commit together. A sender's handler appends at the version it read (a flow instance may take a step at the very moment its
    // message is recorded), so a conflict fails the whole commit and the caller writes it again on fresh state.
    private async Task CommitAsync(IReadOnlyList<Settlement> settled, Action<IDocumentSession>? stageWith, CancellationToken ct)
    {
        await using var session = store.LightweightSession();
        var ended = settled.Where(s => s.Outcome is not null).Select(s => new EndedMessage(s.Message, s.Outcome!)).ToList();
        if (ended.Count > 0)
            foreach (var handler in outcomeHandlers) await handler.WithinCommitAsync(session, ended, ct);
        foreach (var settlement in settled) RowUpdate(session, settlement);
        stageWith?.Invoke(session);
        await session.SaveChangesAsync(ct);
    }

    private static void RowUpdate(IDocumentSession session, Settlement settlement)
    {
        var (message, outcome, retry, _) = settlement;
        var id = message.MessageId;
        if (retry is not null)
        {
            session.QueueSqlCommand(
                $"update {OutboxSchema.Table} set status = '{OutboxStatus.Pending}', due_at = ?, lease_until = null, last_error = ?, retry_kind = ? where message_id = ?",
                retry.DueAt, retry.Reason, retry.Kind, id);
            return;
        }
        if (outcome!.Status == OutboxStatus.Sent)
        {
            session.QueueSqlCommand(
                $"update {OutboxSchema.Table} set status = '{OutboxStatus.Sent}', sent_at = ?, lease_until = null, last_error = null, retry_kind = null where message_id = ?",
                outcome.At, id);
            return;
        }
        // Skipped, bounced (a 5xx or a late report), doubt (may have been accepted) or failed (retried until given up).
        if (settlement.OnlyFrom is { } from)
            session.QueueSqlCommand(
                $"update {OutboxSchema.Table} set status = ?, lease_until = null, last_error = ? where message_id = ? and status = ?",
                outcome.Status, outcome.Reason, id, from);
        else
            session.QueueSqlCommand(
                $"update {OutboxSchema.Table} set status = ?, lease_until = null, last_error = ? where message_id = ?",
                outcome.Status, outcome.Reason, id);
    }

    private async Task AfterCommitAsync(IReadOnlyList<Settlement> settled, CancellationToken ct)
    {
        foreach (var settlement in settled)
            if (settlement.Outcome is { } outcome)
                foreach (var handler in outcomeHandlers) await handler.AfterCommitAsync(new EndedMessage(settlement.Message, outcome), ct);
    }
}
