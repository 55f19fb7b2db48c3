using CareFlows.Server.Delivery.Outbox;
using Npgsql;

namespace CareFlows.Server.Watching;

public sealed record LoggedMessage(
    string FlowId, int FlowVersion, string OrderId, string CustomerId, string? MessageId, string StepId, string Template, string Category,
    string Recipient, string? Subject, string Status, string? Reason, DateTimeOffset At, DateTimeOffset? SentAt,
    string? Locale, string? TemplateVersion);

/// <summary>
/// What was sent, skipped (and why), bounced or left in doubt, per order or per customer. Read from the outbox
/// (every queued message and how it ended) and from the instances' EmailSkipped events (messages never queued).
/// Times are the steps' own (TimeProvider), for both, so the two sources sort together.
/// </summary>
public static class MessageLogEndpoints
{
    private const string Sql = $"""
        select f.data->>'FlowId', (f.data->>'FlowVersion')::int, f.data->>'OrderId', f.data->>'CustomerId',
               o.message_id, o.step_id, o.template, o.category, o.recipient, o.subject, o.status, o.last_error, o.created_at, o.sent_at,
               o.locale, o.template_version
          from {OutboxSchema.Table} o join careflows.mt_doc_flowinstance f on f.id = o.stream_id
         where (@order::text is null or f.data->>'OrderId' = @order) and (@customer::text is null or f.data->>'CustomerId' = @customer)
        union all
        select f.data->>'FlowId', (f.data->>'FlowVersion')::int, f.data->>'OrderId', f.data->>'CustomerId',
               null, e.data->>'StepId', e.data->>'Template', e.data->>'Category', f.data->'State'->'Order'->'Customer'->>'Email',
               null, 'skipped', e.data->>'Reason', (e.data->>'At')::timestamptz, null, null, null
          from careflows.mt_events e join careflows.mt_doc_flowinstance f on f.id = e.stream_id
         where e.type = 'email_skipped'
           -- a message skipped at dispatch is already listed, from its outbox row
           and not exists (select 1 from {OutboxSchema.Table} q where q.stream_id = e.stream_id and q.step_id = e.data->>'StepId')
           and (@order::text is null or f.data->>'OrderId' = @order) and (@customer::text is null or f.data->>'CustomerId' = @customer)
         order by 13
        """;

    public static IEndpointRouteBuilder MapMessageLogEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/messages", LogAsync).RequireAuthorization().WithTags("Messages")
            .WithSummary("The messages of an order (?orderId=) or a customer (?customerId=): sent, skipped, bounced, in doubt");
        return app;
    }

    private static async Task<IResult> LogAsync(string? orderId, string? customerId, NpgsqlDataSource dataSource, CancellationToken ct)
    {
        if (orderId is null && customerId is null) return Results.Problem("Give an orderId or a customerId", statusCode: 400);
        await using var command = dataSource.CreateCommand(Sql);
        command.Parameters.Add(new NpgsqlParameter("order", NpgsqlTypes.NpgsqlDbType.Text) { Value = (object?)orderId ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter("customer", NpgsqlTypes.NpgsqlDbType.Text) { Value = (object?)customerId ?? DBNull.Value });
        var messages = new List<LoggedMessage>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        string? Text(int i) => reader.IsDBNull(i) ? null : reader.GetString(i);
        while (await reader.ReadAsync(ct))
            messages.Add(new LoggedMessage(reader.GetString(0), reader.GetInt32(1), reader.GetString(2), reader.GetString(3), Text(4), reader.GetString(5),
                reader.GetString(6), reader.GetString(7), reader.GetString(8), Text(9), reader.GetString(10), Text(11),
                reader.GetFieldValue<DateTimeOffset>(12), reader.IsDBNull(13) ? null : reader.GetFieldValue<DateTimeOffset>(13),
                NullIfEmpty(Text(14)), NullIfEmpty(Text(15))));
        return Results.Ok(messages);
    }

    private static string? NullIfEmpty(string? text) => string.IsNullOrEmpty(text) ? null : text;
}
