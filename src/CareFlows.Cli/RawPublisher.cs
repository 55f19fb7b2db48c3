using RabbitMQ.Client;

namespace CareFlows.Cli;

/// <summary>Publishes to CareFlows with RabbitMQ.Client alone: the reference for publishers without MassTransit.</summary>
public sealed class RawPublisher : IAsyncDisposable
{
    private readonly IConnection _connection;
    private readonly IChannel _channel;
    private readonly string _host;

    private RawPublisher(IConnection connection, IChannel channel, string host)
    {
        _connection = connection;
        _channel = channel;
        _host = host;
    }

    public static async Task<RawPublisher> ConnectAsync(Uri amqp)
    {
        var connection = await new ConnectionFactory { Uri = amqp, ClientProvidedName = "careflows-cli" }.CreateConnectionAsync();
        // Publisher confirms: PublishAsync returns once the broker has taken the message.
        var channel = await connection.CreateChannelAsync(new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true));
        return new RawPublisher(connection, channel, amqp.Host);
    }

    public Task<Guid> PublishAsync<T>(T message) where T : notnull =>
        PublishRawAsync(MassTransitEnvelope.ExchangeFor(typeof(T)), messageId => MassTransitEnvelope.Wrap(messageId, typeof(T), message, _host), MassTransitEnvelope.ContentType);

    /// <summary>Any bytes with any content type, to the message type's exchange (also how tests send malformed input).</summary>
    public async Task<Guid> PublishRawAsync(string exchange, Func<Guid, byte[]> body, string contentType, Guid? messageId = null)
    {
        var id = messageId ?? Guid.NewGuid();
        // Same arguments as MassTransit's own declaration, so whichever side comes first, the other agrees.
        await _channel.ExchangeDeclareAsync(exchange, ExchangeType.Fanout, durable: true, autoDelete: false);
        var properties = new BasicProperties
        {
            MessageId = id.ToString(),
            ContentType = contentType,
            DeliveryMode = DeliveryModes.Persistent,
        };
        await _channel.BasicPublishAsync(exchange, routingKey: "", mandatory: false, properties, body(id));
        return id;
    }

    public async ValueTask DisposeAsync()
    {
        await _channel.CloseAsync();
        await _connection.CloseAsync();
        _channel.Dispose();
        _connection.Dispose();
    }
}
