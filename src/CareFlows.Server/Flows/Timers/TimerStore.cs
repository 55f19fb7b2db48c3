using Marten;
using Npgsql;

namespace CareFlows.Server.Flows.Timers;

/// <summary>
/// Timer rows are written inside a step's Marten unit of work (so a wait and its timer commit together) and
/// claimed by pollers with a lease: SKIP LOCKED keeps two processes off the same row, and the lease hands a
/// row whose claimant died to another process. A row is only ever removed by the step that consumed it.
/// </summary>
public sealed class TimerStore(NpgsqlDataSource dataSource)
{
    private const string ClaimSql = $"""
        update {TimerSchema.Table} t set lease_until = @lease_until
         where t.stream_id in (
               select stream_id from {TimerSchema.Table}
                where due_at <= @now and (lease_until is null or lease_until < @now)
                order by due_at
                limit @limit
                for update skip locked)
        returning t.stream_id, t.timer_id
        """;

    public async Task<IReadOnlyList<DueTimer>> ClaimDueAsync(DateTimeOffset now, int limit, TimeSpan lease, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(ClaimSql);
        command.Parameters.AddWithValue("now", now);
        command.Parameters.AddWithValue("lease_until", now + lease);
        command.Parameters.AddWithValue("limit", limit);
        var due = new List<DueTimer>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) due.Add(new DueTimer(reader.GetGuid(0), reader.GetString(1)));
        return due;
    }

    public static void Schedule(IDocumentSession session, Guid streamId, string timerId, DateTimeOffset dueAt) =>
        session.QueueSqlCommand(
            $"insert into {TimerSchema.Table} (stream_id, timer_id, due_at) values (?, ?, ?) " +
            "on conflict (stream_id) do update set timer_id = excluded.timer_id, due_at = excluded.due_at, lease_until = null",
            streamId, timerId, dueAt);

    public static void Clear(IDocumentSession session, Guid streamId) =>
        session.QueueSqlCommand($"delete from {TimerSchema.Table} where stream_id = ?", streamId);

    /// <summary>Drops timers their instances no longer wait for, each unless it has since been replaced by a newer one.</summary>
    public async Task DropStaleAsync(IReadOnlyList<DueTimer> stale, CancellationToken ct)
    {
        if (stale.Count == 0) return;
        await using var command = dataSource.CreateCommand(
            $"delete from {TimerSchema.Table} t using unnest(@streams, @timers) as s(stream_id, timer_id) where t.stream_id = s.stream_id and t.timer_id = s.timer_id");
        command.Parameters.AddWithValue("streams", stale.Select(t => t.StreamId).ToArray());
        command.Parameters.AddWithValue("timers", stale.Select(t => t.TimerId).ToArray());
        await command.ExecuteNonQueryAsync(ct);
    }
}
