using CareFlows.Engine.Definitions;
using CareFlows.Server.Hosting;
using Marten;
using Npgsql;

namespace CareFlows.Server.Definitions;

/// <summary>
/// At start-up, publishes each flow in workflows/ whose file version is newer than what the store holds. An
/// invalid file is refused with each fault's file, line and JSON path, and the server starts without it.
/// Runs under an advisory lock, so processes starting together import once.
/// </summary>
public sealed class WorkflowFileImporter(
    IDocumentStore store, NpgsqlDataSource dataSource, FlowPublisher publisher, DefinitionValidation validation,
    IHostEnvironment environment, IConfiguration configuration, ILogger<WorkflowFileImporter> log) : IHostedService
{
    private const long LockKey = 727465002;

    public Task StartAsync(CancellationToken ct) => ImportAllAsync(ct);

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;

    public async Task<IReadOnlyList<DefinitionFault>> ImportAllAsync(CancellationToken ct)
    {
        var folder = ProjectPaths.Find(environment.ContentRootPath, configuration["Flows:WorkflowsPath"], "workflows");
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using (var take = new NpgsqlCommand($"select pg_advisory_lock({LockKey})", connection)) await take.ExecuteNonQueryAsync(ct);
        try
        {
            var faults = new List<DefinitionFault>();
            foreach (var file in Directory.EnumerateFiles(folder, "*.json").Order())
                faults.AddRange(await ImportAsync(file, Path.Combine("workflows", Path.GetFileName(file)), ct));
            return faults;
        }
        finally
        {
            await using var release = new NpgsqlCommand($"select pg_advisory_unlock({LockKey})", connection);
            await release.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }

    private async Task<IReadOnlyList<DefinitionFault>> ImportAsync(string path, string name, CancellationToken ct)
    {
        var result = FlowCompiler.CompileJson(await File.ReadAllTextAsync(path, ct), validation.Context(), name);
        if (!result.IsValid)
        {
            foreach (var fault in result.Faults) log.LogError("Flow file refused: {Fault}", fault);
            return result.Faults;
        }
        var definition = result.Flow!.Definition;
        await using (var session = store.QuerySession())
        {
            var stored = await session.LoadAsync<StoredFlow>(definition.Id, ct);
            if (stored is not null && stored.LatestVersion >= definition.Version) return [];
        }
        var outcome = await publisher.PublishAsync(definition, $"imported from {name}", keepVersionNumber: true, ct);
        log.LogInformation("Published {Flow} v{Version} from {File}", definition.Id, outcome.Version, name);
        return outcome.Faults;
    }
}
