using CareFlows.Server.Delivery.Outbox;
using CareFlows.Server.Tracking;
using Npgsql;

namespace CareFlows.Server.Watching;

/// <summary>What a step earned in a period: clicks on its links, orders attributed to it and their revenue, its codes redeemed.</summary>
public sealed record StepResult(string FlowId, string ActivityId, long Clicks, long Orders, decimal Revenue, string Currency, long CodesRedeemed);

/// <summary>
/// Results per flow and step, read from the outbox (messages sent), the clicks table, the orders and the discount codes.
/// See <see cref="Attribution"/> for what an order counts for. Revenue is summed in the orders' currency; a shop
/// selling in several currencies sees the first one named (converting is not CareFlows' to do).
/// </summary>
public sealed class FlowResults(NpgsqlDataSource dataSource, TrackingOptions tracking)
{
    public async Task<IReadOnlyList<StepResult>> StepsAsync(DateTimeOffset since, DateTimeOffset until, CancellationToken ct)
    {
        var raw = await TouchesAsync(since - tracking.AttributionWindow, until, ct);
        var instances = await InstancesAsync(raw.Select(t => t.StreamId).Distinct().ToArray(), ct);
        var flows = instances.ToDictionary(i => i.Key, i => i.Value.Flow);
        var touches = raw.Select(t => t with { OrderId = instances.TryGetValue(t.StreamId, out var i) ? i.Order : "" }).ToList();
        var orders = await OrdersAsync(since, until, ct);
        var attributed = Attribution.Attribute(orders, touches, tracking.AttributionWindow);
        var codes = await CodesRedeemedAsync(since, until, ct);

        var keys = touches.Where(t => t.IsClick && t.At >= since).Select(t => Key(t, flows))
            .Concat(attributed.Select(a => Key(a.Touch, flows))).Concat(codes.Keys).Where(k => k.Flow != "").Distinct();
        return keys.Select(k =>
        {
            var mine = attributed.Where(a => Key(a.Touch, flows) == k).ToList();
            return new StepResult(k.Flow, k.Activity,
                touches.LongCount(t => t.IsClick && t.At >= since && Key(t, flows) == k),
                mine.Count, mine.Sum(a => a.Order.Total), mine.Select(a => a.Order.Currency).FirstOrDefault() ?? "",
                codes.GetValueOrDefault(k));
        }).ToList();
    }

    private static (string Flow, string Activity) Key(Touch t, IReadOnlyDictionary<Guid, string> flows) =>
        (flows.GetValueOrDefault(t.StreamId, ""), MessageIds.ActivityOf(t.StepId));

    private async Task<List<Touch>> TouchesAsync(DateTimeOffset from, DateTimeOffset until, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand($"""
            select customer_id, sent_at, stream_id, step_id, false from {OutboxSchema.Table}
             where kind = '{OutboxKinds.Flow}' and status = '{OutboxStatus.Sent}' and category <> '{MessageCategory.Transactional}'
               and sent_at >= @from and sent_at < @until
            union all
            select customer_id, clicked_at, stream_id, step_id, true from {ClickSchema.Table} where clicked_at >= @from and clicked_at < @until
            """);
        command.Parameters.AddWithValue("from", from);
        command.Parameters.AddWithValue("until", until);
        var touches = new List<Touch>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            touches.Add(new Touch(reader.GetString(0), reader.GetFieldValue<DateTimeOffset>(1), reader.GetGuid(2), reader.GetString(3), reader.GetBoolean(4)));
        return touches;
    }

    private async Task<Dictionary<Guid, (string Flow, string Order)>> InstancesAsync(Guid[] streams, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand("select id, data->>'FlowId', data->>'OrderId' from careflows.mt_doc_flowinstance where id = any(@ids)");
        command.Parameters.AddWithValue("ids", streams);
        var instances = new Dictionary<Guid, (string, string)>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) instances[reader.GetGuid(0)] = (reader.GetString(1), reader.IsDBNull(2) ? "" : reader.GetString(2));
        return instances;
    }

    private async Task<List<PlacedOrder>> OrdersAsync(DateTimeOffset since, DateTimeOffset until, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand("""
            select id, data->>'CustomerId', (data->'Order'->>'PlacedAt')::timestamptz, (data->'Order'->>'Total')::numeric, coalesce(data->'Order'->>'Currency', '')
              from careflows.mt_doc_orderrecord
             where (data->'Order'->>'PlacedAt')::timestamptz >= @since and (data->'Order'->>'PlacedAt')::timestamptz < @until
            """);
        command.Parameters.AddWithValue("since", since);
        command.Parameters.AddWithValue("until", until);
        var orders = new List<PlacedOrder>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            orders.Add(new PlacedOrder(reader.GetString(0), reader.GetString(1), reader.GetFieldValue<DateTimeOffset>(2), reader.GetDecimal(3), reader.GetString(4)));
        return orders;
    }

    // A redeemed code counts for the IssueDiscount step that issued it (its DiscountIssued event names the activity).
    private async Task<Dictionary<(string Flow, string Activity), long>> CodesRedeemedAsync(DateTimeOffset since, DateTimeOffset until, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand("""
            select c.data->>'FlowId', e.data->>'ActivityId', count(*)
              from careflows.mt_doc_discountcode c
              join careflows.mt_events e on e.stream_id = (c.data->>'InstanceId')::uuid and e.type = 'discount_issued' and e.data->>'Code' = c.id
             where (c.data->>'UsedAt')::timestamptz >= @since and (c.data->>'UsedAt')::timestamptz < @until
             group by 1, 2
            """);
        command.Parameters.AddWithValue("since", since);
        command.Parameters.AddWithValue("until", until);
        var codes = new Dictionary<(string, string), long>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) codes[(reader.GetString(0), reader.GetString(1))] = reader.GetInt64(2);
        return codes;
    }
}
