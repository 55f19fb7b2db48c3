namespace CareFlows.Bench;

public sealed record DeliveryResult(int Messages, int Connections, double MessagesPerSecond);

/// <summary>
/// The dispatcher alone: rendered messages already in the outbox, sent by a server with no flows until every one is
/// marked sent. Each send is claim -> mark sending -> SMTP -> mark sent with its event, so the figure sits beside the
/// raw MailKit rate to show what the outbox's bookkeeping costs.
/// </summary>
public static class Delivery
{
    /// <summary>About the size of a rendered confirmation: 4 KiB of HTML and as much text.</summary>
    public static readonly string Html = "<p>" + string.Concat(Enumerable.Repeat("Thank you for your order. ", 150)) + "</p>";
    public static readonly string Text = Html.Replace("<p>", "").Replace("</p>", "");

    public static async Task<DeliveryResult> OutboxToSinkAsync(BenchEnvironment env, int messages, int connections)
    {
        await env.ResetAsync();
        // The server first: it creates the outbox table. The messages then arrive in one commit and the rate is
        // taken from the first send to the last.
        await using var server = await env.StartServerAsync("bench-delivery", Directory.CreateTempSubdirectory("careflows-bench-empty-").FullName,
            ("Smtp:Concurrency", connections.ToString()), ("Delivery:BatchSize", "200"));
        await using (var insert = env.DataSource.CreateCommand("""
            insert into careflows.outbox (message_id, stream_id, step_id, template, category, recipient, subject, html_body, text_body, due_at, created_at)
            select 'bench-' || i || '@careflows.bench', gen_random_uuid(), 'confirmation', 'order-confirmation', 'transactional',
                   'bench-' || i || '@example.com', 'Your order #' || i || ' is confirmed', @html, @text, now(), now()
              from generate_series(1, @count) i
            """))
        {
            insert.Parameters.AddWithValue("html", Html);
            insert.Parameters.AddWithValue("text", Text);
            insert.Parameters.AddWithValue("count", messages);
            await insert.ExecuteNonQueryAsync();
        }
        await env.WaitForAsync("select count(*) from careflows.outbox where status = 'sent'", n => n >= messages, "messages sent", TimeSpan.FromMinutes(20), TimeSpan.FromSeconds(1));
        // From the first send to the last: the server's start-up is not the dispatcher's rate.
        await using var span = env.DataSource.CreateCommand("select extract(epoch from max(sent_at) - min(sent_at)) from careflows.outbox");
        var rate = (messages - 1) / Convert.ToDouble(await span.ExecuteScalarAsync());
        await env.ClearMailAsync();
        return new DeliveryResult(messages, connections, rate);
    }
}
