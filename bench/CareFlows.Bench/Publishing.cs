using System.Collections.Concurrent;
using CareFlows.Cli;
using CareFlows.Contracts.Orders;
using CareFlows.Engine.Simulation;

namespace CareFlows.Bench;

public static class Publishing
{
    /// <summary>Publishes <paramref name="count"/> orders over several connections, as a busy shop would; returns when each was published.</summary>
    public static async Task<ConcurrentDictionary<string, DateTimeOffset>> PublishOrdersAsync(int count, string emailPrefix, int publishers = 4)
    {
        var publishedAt = new ConcurrentDictionary<string, DateTimeOffset>();
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, publishers).Select(async _ =>
        {
            await using var publisher = await RawPublisher.ConnectAsync(BenchEnvironment.Amqp);
            for (var i = Interlocked.Increment(ref next); i < count; i = Interlocked.Increment(ref next))
            {
                var email = $"{emailPrefix}-{i}@bench.example";
                var order = SampleOrder.Create(email: email, placedAt: DateTimeOffset.UtcNow) with { OrderId = $"{emailPrefix}-{i}" };
                order = order with { Customer = order.Customer with { CustomerId = $"{emailPrefix}-customer-{i}" } };
                publishedAt[email] = DateTimeOffset.UtcNow;
                await publisher.PublishAsync(order);
            }
        }));
        return publishedAt;
    }
}
