using CareFlows.Server.Delivery.Outbox;
using CareFlows.Server.Flows.Timers;
using Npgsql;

namespace CareFlows.Server.Hosting;

/// <summary>
/// CareFlows' own tables beside Marten's (schema "careflows"): the outbox and the timers. Created idempotently
/// at start-up under an advisory lock, so several processes starting at once do not race on CREATE.
/// </summary>
public sealed class DatabaseSchema(NpgsqlDataSource dataSource) : IHostedService
{
    private const long LockKey = 727465001;

    public async Task StartAsync(CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var sql = $"select pg_advisory_xact_lock({LockKey}); create schema if not exists careflows; {OutboxSchema.Ddl} {TimerSchema.Ddl}";
        await using (var command = new NpgsqlCommand(sql, connection, tx)) await command.ExecuteNonQueryAsync(ct);
        await tx.CommitAsync(ct);
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}
