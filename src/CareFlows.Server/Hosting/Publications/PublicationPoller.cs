using System.Text.Json;
using MassTransit;
using Npgsql;

namespace CareFlows.Server.Hosting.Publications;

public sealed record PendingPublication(Guid Id, string MessageType, string Body);

/// <summary>
/// Publishes what <see cref="PublicationQueue"/> staged: at least once, with the row's id as MessageId. A row is
/// marked published only after RabbitMQ confirmed it, so a crash between the two publishes it again (same id).
/// Message types are looked up among the contracts only: a row cannot make the server load an arbitrary type.
/// </summary>
public sealed class PublicationPoller(NpgsqlDataSource dataSource, IBus bus, ILogger<PublicationPoller> log) : LeasedPoller<PendingPublication>(log)
{
    private static readonly IReadOnlyDictionary<string, Type> Contracts = typeof(CareFlows.Contracts.Feedback.CustomerNeedsAttention).Assembly
        .GetExportedTypes().Where(t => t.FullName is not null).ToDictionary(t => t.FullName!);

    protected override TimeSpan PollInterval => TimeSpan.FromSeconds(1);
    protected override int Concurrency => 4;

    protected override async Task<IReadOnlyList<PendingPublication>> ClaimAsync(CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand($"""
            update {PublicationSchema.Table} set lease_until = now() + interval '30 seconds'
            where id in (select id from {PublicationSchema.Table}
                         where published_at is null and (lease_until is null or lease_until < now())
                         order by created_at limit 50 for update skip locked)
            returning id, message_type, body::text
            """);
        var claimed = new List<PendingPublication>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) claimed.Add(new(reader.GetGuid(0), reader.GetString(1), reader.GetString(2)));
        return claimed;
    }

    protected override async Task WorkAsync(PendingPublication item, CancellationToken ct)
    {
        if (!Contracts.TryGetValue(item.MessageType, out var type))
        {
            log.LogError("Publication {Id} names no contract ({Type}); it is left unpublished", item.Id, item.MessageType);
            return;
        }
        var message = JsonSerializer.Deserialize(item.Body, type, JsonSerializerOptions.Web)!;
        await bus.Publish(message, type, context => context.MessageId = item.Id, ct);
        await using var command = dataSource.CreateCommand($"update {PublicationSchema.Table} set published_at = now(), lease_until = null where id = @id");
        command.Parameters.AddWithValue("id", item.Id);
        await command.ExecuteNonQueryAsync(ct);
        log.LogInformation("Published {Type} {Id}", type.Name, item.Id);
    }
}
