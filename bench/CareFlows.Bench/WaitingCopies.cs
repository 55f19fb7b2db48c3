using Npgsql;

namespace CareFlows.Bench;

/// <summary>
/// Tops the store up to a million waiting instances and more, by copying in SQL the instances the server made:
/// each copy gets its own stream id, events, projected instance document, order record and timer, so the store holds
/// what that many orders would leave behind. The server's memory and start-up depend on what is stored, not on how it
/// got there; making a million through the server would take most of an hour on this machine. The server is stopped
/// while the copies are made.
/// </summary>
public static class WaitingCopies
{
    public static async Task<int> CopyUpToAsync(BenchEnvironment env, int total)
    {
        await using var connection = await env.DataSource.OpenConnectionAsync();
        async Task<long> Scalar(string sql) { await using var c = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 }; return Convert.ToInt64(await c.ExecuteScalarAsync()); }
        async Task Run(string sql) { await using var c = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 }; await c.ExecuteNonQueryAsync(); }

        var made = (int)await Scalar("select count(*) from careflows.timers");
        if (made == 0 || made >= total) return 0;
        await Run("create temp table originals as select stream_id as id from careflows.timers");
        var copied = 0;
        for (var round = 1; made + copied < total; round++)
        {
            var take = Math.Min(made, total - made - copied);
            await using var transaction = await connection.BeginTransactionAsync();
            await Run($"create temp table copies on commit drop as select id as old_id, gen_random_uuid() as new_id from originals limit {take}");
            await Run("""
                insert into careflows.mt_streams (id, type, version, timestamp, created, tenant_id, compacted_version, is_archived)
                select c.new_id, s.type, s.version, s.timestamp, s.created, s.tenant_id, s.compacted_version, s.is_archived
                from careflows.mt_streams s join copies c on s.id = c.old_id
                """);
            await Run("""
                insert into careflows.mt_events (seq_id, id, stream_id, version, data, bdata, type, timestamp, tenant_id, mt_dotnet_type, is_archived)
                select nextval('careflows.mt_events_sequence'), gen_random_uuid(), c.new_id, e.version, e.data, e.bdata, e.type, e.timestamp, e.tenant_id, e.mt_dotnet_type, e.is_archived
                from careflows.mt_events e join copies c on e.stream_id = c.old_id
                order by e.seq_id
                """);
            await Run($"""
                insert into careflows.mt_doc_flowinstance (id, data, mt_last_modified, mt_dotnet_type, mt_version)
                select c.new_id, d.data || jsonb_build_object('Id', c.new_id::text, 'OrderId', (d.data ->> 'OrderId') || '-copy-{round}'),
                       d.mt_last_modified, d.mt_dotnet_type, d.mt_version
                from careflows.mt_doc_flowinstance d join copies c on d.id = c.old_id
                """);
            await Run($"""
                insert into careflows.mt_doc_orderrecord (id, data, mt_last_modified, mt_dotnet_type)
                select o.id || '-copy-{round}', o.data || jsonb_build_object('Id', o.id || '-copy-{round}'), o.mt_last_modified, o.mt_dotnet_type
                from careflows.mt_doc_orderrecord o
                where o.id in (select d.data ->> 'OrderId' from careflows.mt_doc_flowinstance d join copies c on d.id = c.old_id)
                """);
            await Run("""
                insert into careflows.timers (stream_id, timer_id, due_at)
                select c.new_id, t.timer_id, t.due_at from careflows.timers t join copies c on t.stream_id = c.old_id
                """);
            await transaction.CommitAsync();
            copied += take;
            if (round % 10 == 0) Console.WriteLine($"    … copied {copied:N0} waiting instances");
        }
        // What autovacuum would have done by the time a real store held this many: the planner sees the tables' sizes.
        await Run("analyze careflows.mt_streams, careflows.mt_events, careflows.mt_doc_flowinstance, careflows.mt_doc_orderrecord, careflows.timers");
        return copied;
    }
}
