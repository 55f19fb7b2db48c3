using Marten;
using Marten.Services;
using Npgsql;

namespace CareFlows.Server.Hosting;

/// <summary>
/// Marten's own logger writes a failed command at error level with its SQL and every parameter: for an outbox row that
/// is the recipient, the rendered body and a signed link. This one never logs parameters. A write conflict is a race
/// CareFlows expects and handles (two copies of an order event, a step and a send on one instance: each retries on
/// fresh state), so it is a debug line; any other failure is an error with its message, still without parameters.
/// </summary>
public sealed class PrivateMartenLogger(ILogger logger) : IMartenLogger, IMartenSessionLogger
{
    public IMartenSessionLogger StartSession(IQuerySession session) => this;

    public void SchemaChange(string sql) => logger.LogInformation("Marten applied a schema change");

    public void LogSuccess(NpgsqlCommand command) { }

    public void LogSuccess(NpgsqlBatch batch) { }

    public void LogFailure(NpgsqlCommand command, Exception ex) => Failed(ex);

    public void LogFailure(NpgsqlBatch batch, Exception ex) => Failed(ex);

    public void LogFailure(Exception ex, string message) => Failed(ex);

    public void RecordSavedChanges(IDocumentSession session, IChangeSet commit) { }

    public void OnBeforeExecute(NpgsqlCommand command) { }

    public void OnBeforeExecute(NpgsqlBatch batch) { }

    private void Failed(Exception ex)
    {
        if (IsExpectedRace(ex)) logger.LogDebug("A concurrent write won ({Kind}); the caller decides again on fresh state", ex.GetType().Name);
        else logger.LogError("A Marten command failed: {Kind}: {Message}", ex.GetType().Name, LogText.WithoutAddresses(ex.Message));
    }

    // Marten reports these as raw PostgreSQL errors first, before it turns them into its own exception types: a stream
    // started twice (a unique violation on its streams table) and an append at a stale version (its own SQLSTATE MT003).
    private static bool IsExpectedRace(Exception ex) =>
        WriteConflicts.Is(ex)
        || ex is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation, TableName: "mt_streams" } or PostgresException { SqlState: StaleStreamVersion }
        || (ex.InnerException is { } inner && IsExpectedRace(inner));

    private const string StaleStreamVersion = "MT003";
}
