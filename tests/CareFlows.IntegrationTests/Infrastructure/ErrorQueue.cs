using System.Text;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace CareFlows.IntegrationTests.Infrastructure;

public sealed record DeadLetter(string MessageId, IReadOnlyDictionary<string, string> Headers, string Body)
{
    public string Header(string name) => Headers.TryGetValue(name, out var value) ? value : "";
}

/// <summary>Reads and purges RabbitMQ queues in the tests' vhost with the plain client, as an operator would.</summary>
public sealed class ErrorQueue(Uri amqp, string queue)
{
    public async Task<DeadLetter?> FindAsync(string messageId)
    {
        await using var connection = await new ConnectionFactory { Uri = amqp }.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        var seen = new List<ulong>();
        try
        {
            while (await channel.BasicGetAsync(queue, autoAck: false) is { } result)
            {
                seen.Add(result.DeliveryTag);
                if (result.BasicProperties.MessageId == messageId) return ToDeadLetter(result);
            }
            return null;
        }
        catch (OperationInterruptedException) { return null; } // the queue does not exist yet
        finally
        {
            // Leave the queue as it was: what the test looked at goes back.
            if (channel.IsOpen) foreach (var tag in seen) await channel.BasicNackAsync(tag, multiple: false, requeue: true);
        }
    }

    public Task<DeadLetter?> WaitForAsync(Guid messageId) =>
        Eventually.Until(() => FindAsync(messageId.ToString()), found => found is not null, $"message {messageId} in {queue}");

    public async Task PurgeAsync()
    {
        await using var connection = await new ConnectionFactory { Uri = amqp }.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        try { await channel.QueuePurgeAsync(queue); }
        catch (OperationInterruptedException) { /* not declared yet: nothing to purge */ }
    }

    private static DeadLetter ToDeadLetter(BasicGetResult result) => new(
        result.BasicProperties.MessageId ?? "",
        (result.BasicProperties.Headers ?? new Dictionary<string, object?>())
            .ToDictionary(h => h.Key, h => h.Value is byte[] bytes ? Encoding.UTF8.GetString(bytes) : h.Value?.ToString() ?? ""),
        Encoding.UTF8.GetString(result.Body.Span));
}
