using System.Diagnostics;

namespace CareFlows.Bench;

public sealed record EndToEndResult(int Orders, double PublishPerSecond, double OrdersPerSecond, TimeSpan P50, TimeSpan P99, TimeSpan Max);

/// <summary>OrderPlaced published -> confirmation accepted by the SMTP server, through the real server and the default flow.</summary>
public static class EndToEnd
{
    public static async Task<EndToEndResult> RunAsync(BenchEnvironment env, string repositoryWorkflows, int orders)
    {
        await env.ResetAsync();
        await using var server = await env.StartServerAsync("bench-e2e", repositoryWorkflows);
        var clock = Stopwatch.StartNew();
        var published = await Publishing.PublishOrdersAsync(orders, "e2e");
        var publishRate = orders / clock.Elapsed.TotalSeconds;
        await env.WaitForAsync("select count(*) from careflows.outbox where status = 'sent'", n => n >= orders, "confirmations sent", TimeSpan.FromMinutes(20), TimeSpan.FromSeconds(1));

        var sentAt = new Dictionary<string, DateTimeOffset>();
        await using (var query = env.DataSource.CreateCommand("select recipient, sent_at from careflows.outbox where status = 'sent'"))
        await using (var reader = await query.ExecuteReaderAsync())
            while (await reader.ReadAsync()) sentAt[reader.GetString(0)] = reader.GetFieldValue<DateTimeOffset>(1);
        var latencies = published.Select(p => sentAt[p.Key] - p.Value).Order().ToList();
        var span = sentAt.Values.Max() - published.Values.Min();
        await env.ClearMailAsync();
        return new EndToEndResult(orders, publishRate, orders / span.TotalSeconds,
            latencies[latencies.Count / 2], latencies[(int)(latencies.Count * 0.99)], latencies[^1]);
    }
}
