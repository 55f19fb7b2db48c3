using CareFlows.Engine.Runtime;
using Npgsql;

namespace CareFlows.Server.Watching;

public sealed record FlowTotals(long Running, long SentLastWeek);

/// <summary>
/// Counts for the designer, read straight from the instances' events and documents. Times are the events' own
/// (their At, from the TimeProvider), so a simulated or test clock gives the same answers as the wall clock.
/// </summary>
public sealed class FlowStatistics(NpgsqlDataSource dataSource)
{
    private static readonly string Active = $"({(int)InstanceStatus.Running}, {(int)InstanceStatus.Waiting})";

    private static readonly string StepSql = $"""
        with instances as (select id from careflows.mt_doc_flowinstance where data->>'FlowId' = @flow),
        events as (
            select e.type, e.data from careflows.mt_events e join instances i on i.id = e.stream_id
             where e.type in ('activity_entered', 'email_sent', 'email_skipped', 'flow_exited')
               and (e.data->>'At')::timestamptz >= @since)
        select coalesce(data->>'ActivityId', regexp_replace(data->>'StepId', '\.[0-9]+$', ''), '') as activity,
               case type when 'activity_entered' then '{StepCounts.Entered}' when 'email_sent' then '{StepCounts.Sent}'
                         when 'email_skipped' then '{StepCounts.Skipped}' else '{StepCounts.Exited}' end as kind,
               -- "opted out of marketing (preference-page, 2026-11-20)" groups as "opted out of marketing"
               case type when 'email_skipped' then regexp_replace(data->>'Reason', '\s*\(.*\)$', '')
                         when 'flow_exited' then data->>'Reason' else '' end as reason,
               count(*)
          from events group by 1, 2, 3
        union all
        select data->'State'->'Waiting'->>'ActivityId', '{StepCounts.Waiting}', '', count(*)
          from careflows.mt_doc_flowinstance
         where data->>'FlowId' = @flow and (data->>'Status')::int = {(int)InstanceStatus.Waiting}
         group by 1
        """;

    public async Task<IReadOnlyList<StepCount>> StepsAsync(string flowId, DateTimeOffset since, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(StepSql);
        command.Parameters.AddWithValue("flow", flowId);
        command.Parameters.AddWithValue("since", since);
        var facts = new List<StepFact>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            facts.Add(new StepFact(reader.IsDBNull(0) ? "" : reader.GetString(0), reader.GetString(1), reader.IsDBNull(2) ? "" : reader.GetString(2), reader.GetInt64(3)));
        return StepCounts.Fold(facts);
    }

    public async Task<IReadOnlyDictionary<string, FlowTotals>> TotalsAsync(DateTimeOffset sentSince, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand($"""
            select i.data->>'FlowId',
                   count(*) filter (where (i.data->>'Status')::int in {Active}),
                   coalesce(sum((select count(*) from careflows.outbox o where o.stream_id = i.id and o.status = 'sent' and o.sent_at >= @since)), 0)::bigint
              from careflows.mt_doc_flowinstance i
             group by 1
            """);
        command.Parameters.AddWithValue("since", sentSince);
        var totals = new Dictionary<string, FlowTotals>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            totals[reader.GetString(0)] = new FlowTotals(reader.GetInt64(1), reader.GetInt64(2));
        return totals;
    }
}
