using System.Text.Json;
using RabbitMQ.Client;

namespace CareFlows.IntegrationTests.Infrastructure;

/// <summary>
/// What CareFlows publishes, as a helpdesk integration would receive it: a queue of the test's own bound to the
/// message type's exchange (MassTransit's naming: "Namespace:Type", fanout), read with the plain RabbitMQ client.
/// </summary>
public sealed class PublishedMessages : IAsyncDisposable
{
    private readonly IConnection _connection;
    private readonly IChannel _channel;
    private readonly string _queue;

    private PublishedMessages(IConnection connection, IChannel channel, string queue) => (_connection, _channel, _queue) = (connection, channel, queue);

    public static async Task<PublishedMessages> SubscribeAsync<T>(Uri amqp)
    {
        var connection = await new ConnectionFactory { Uri = amqp }.CreateConnectionAsync();
        var channel = await connection.CreateChannelAsync();
        var exchange = $"{typeof(T).Namespace}:{typeof(T).Name}";
        await channel.ExchangeDeclareAsync(exchange, ExchangeType.Fanout, durable: true);
        var queue = (await channel.QueueDeclareAsync($"test-{typeof(T).Name}-{Guid.NewGuid():N}", durable: false, exclusive: true, autoDelete: true)).QueueName;
        await channel.QueueBindAsync(queue, exchange, "");
        return new PublishedMessages(connection, channel, queue);
    }

    /// <summary>Every message in the queue so far: the MassTransit envelope's MessageId and its message.</summary>
    public async Task<IReadOnlyList<(string MessageId, JsonElement Message)>> TakeAllAsync()
    {
        var taken = new List<(string, JsonElement)>();
        while (await _channel.BasicGetAsync(_queue, autoAck: true) is { } result)
        {
            using var envelope = JsonDocument.Parse(result.Body.ToArray());
            taken.Add((envelope.RootElement.GetProperty("messageId").GetString()!, envelope.RootElement.GetProperty("message").Clone()));
        }
        return taken;
    }

    public async ValueTask DisposeAsync()
    {
        await _channel.DisposeAsync();
        await _connection.DisposeAsync();
    }
}
