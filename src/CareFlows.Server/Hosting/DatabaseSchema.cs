using Npgsql;

namespace CareFlows.Server.Hosting;

/// <summary>
/// The plain tables features keep beside Marten's (schema "careflows"), each registered by its feature as a
/// <see cref="TableDefinition"/>. Created idempotently at start-up under an advisory lock, so several processes
/// starting at once do not race on CREATE.
/// </summary>
public sealed class DatabaseSchema(NpgsqlDataSource dataSource, IEnumerable<TableDefinition> tables) : IHostedService
{
    private const long LockKey = 727465001;

    public async Task StartAsync(CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var sql = $"select pg_advisory_xact_lock({LockKey}); create schema if not exists careflows; {string.Concat(tables.Select(t => t.Ddl))}";
        await using (var command = new NpgsqlCommand(sql, connection, tx)) await command.ExecuteNonQueryAsync(ct);
        await tx.CommitAsync(ct);
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}
