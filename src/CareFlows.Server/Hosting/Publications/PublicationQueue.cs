using System.Text.Json;
using Marten;

namespace CareFlows.Server.Hosting.Publications;

/// <summary>
/// Messages to publish over RabbitMQ, staged in the caller's unit of work so the decision that wants the message
/// and the message commit together (a transactional outbox). <see cref="PublicationPoller"/> publishes them. The
/// id is the caller's and deterministic: staging the same message twice keeps the first, and MassTransit carries
/// it as the MessageId, so a consumer can drop a duplicate publication.
/// </summary>
public sealed class PublicationQueue
{
    private const string InsertSql = $"insert into {PublicationSchema.Table} (id, message_type, body, created_at) values (?, ?, ?::jsonb, ?) on conflict (id) do nothing";

    public static void Stage<T>(IDocumentSession session, Guid id, T message, DateTimeOffset now) where T : class =>
        session.QueueSqlCommand(InsertSql, id, typeof(T).FullName!, JsonSerializer.Serialize(message, JsonSerializerOptions.Web), now);
}
