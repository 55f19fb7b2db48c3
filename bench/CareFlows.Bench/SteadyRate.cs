using System.Diagnostics;
using CareFlows.Cli;
using CareFlows.Engine.Simulation;

namespace CareFlows.Bench;

public sealed record SteadyResult(double Rate, TimeSpan Duration, int Orders, TimeSpan P50, TimeSpan P95, TimeSpan P99, TimeSpan Max,
    TimeSpan FirstMinuteP99, TimeSpan LaterP99, bool KeptUp);

/// <summary>
/// Latency at an ordinary rate, not a saturated one: orders published at a steady pace (one publisher, paced by a
/// stopwatch, not in bursts) right after a server start, and for each the time from its publish to the moment its
/// confirmation was accepted by SMTP (the outbox's sent_at). The first minute after the start is reported apart: that is
/// where a cold server (JIT, connection pools, caches) shows.
/// </summary>
public static class SteadyRate
{
    public static async Task<SteadyResult> RunAsync(BenchEnvironment env, string repositoryWorkflows, double rate, TimeSpan duration)
    {
        await env.ResetAsync();
        await using var server = await env.StartServerAsync("bench-steady", repositoryWorkflows);
        var orders = (int)(rate * duration.TotalSeconds);
        var publishedAt = new Dictionary<string, DateTimeOffset>(orders);
        await using (var publisher = await RawPublisher.ConnectAsync(BenchEnvironment.Amqp))
        {
            var pace = Stopwatch.StartNew();
            for (var i = 0; i < orders; i++)
            {
                // The i-th order goes at i / rate seconds: a late publish is not followed by a burst to catch up.
                var due = TimeSpan.FromSeconds(i / rate);
                if (due > pace.Elapsed) await Task.Delay(due - pace.Elapsed);
                var email = $"steady-{i}@bench.example";
                var order = SampleOrder.Create(email: email, placedAt: DateTimeOffset.UtcNow) with { OrderId = $"steady-{i}" };
                order = order with { Customer = order.Customer with { CustomerId = $"steady-customer-{i}" } };
                publishedAt[email] = DateTimeOffset.UtcNow;
                await publisher.PublishAsync(order);
            }
        }
        await env.WaitForAsync("select count(*) from careflows.outbox where status = 'sent'", n => n >= orders, "steady-rate confirmations sent", TimeSpan.FromMinutes(10), TimeSpan.FromSeconds(1));
        var sentAt = new Dictionary<string, DateTimeOffset>();
        await using (var query = env.DataSource.CreateCommand("select recipient, sent_at from careflows.outbox where status = 'sent'"))
        await using (var reader = await query.ExecuteReaderAsync())
            while (await reader.ReadAsync()) sentAt[reader.GetString(0)] = reader.GetFieldValue<DateTimeOffset>(1);
        var start = publishedAt.Values.Min();
        var all = publishedAt.Select(p => (At: p.Value, Latency: sentAt[p.Key] - p.Value)).ToList();
        TimeSpan P(IEnumerable<TimeSpan> xs, double q) { var s = xs.Order().ToList(); return s.Count == 0 ? TimeSpan.Zero : s[Math.Min(s.Count - 1, (int)(s.Count * q))]; }
        var latencies = all.Select(a => a.Latency).ToList();
        var firstMinute = all.Where(a => a.At - start < TimeSpan.FromMinutes(1)).Select(a => a.Latency);
        var later = all.Where(a => a.At - start >= TimeSpan.FromMinutes(1)).Select(a => a.Latency);
        var span = sentAt.Values.Max() - start;
        await env.ClearMailAsync();
        return new SteadyResult(rate, duration, orders, P(latencies, 0.5), P(latencies, 0.95), P(latencies, 0.99), latencies.Max(),
            P(firstMinute, 0.99), P(later, 0.99), KeptUp: span < duration + TimeSpan.FromSeconds(5));
    }
}
