using System.Text.Json;

namespace CareFlows.Cli;

/// <summary>
/// The JSON envelope MassTransit reads (content type application/vnd.masstransit+json). A publisher that does
/// not use MassTransit writes this around its message and publishes it to the fanout exchange named after the
/// message type, e.g. "CareFlows.Contracts.Orders:OrderPlaced".
/// </summary>
public static class MassTransitEnvelope
{
    public const string ContentType = "application/vnd.masstransit+json";

    public static string ExchangeFor(Type messageType) => $"{messageType.Namespace}:{messageType.Name}";

    public static byte[] Wrap(Guid messageId, Type messageType, object message, string host) =>
        JsonSerializer.SerializeToUtf8Bytes(new
        {
            messageId,
            conversationId = messageId,
            sourceAddress = $"rabbitmq://{host}/careflows-cli",
            destinationAddress = $"rabbitmq://{host}/{ExchangeFor(messageType)}",
            messageType = new[] { $"urn:message:{ExchangeFor(messageType)}" },
            message,
            sentTime = DateTimeOffset.UtcNow,
            headers = new { },
        }, JsonSerializerOptions.Web);
}
