using System.Collections.Concurrent;
using CareFlows.Engine.Definitions;
using Marten;

namespace CareFlows.Server.Definitions;

/// <summary>
/// The published flows the runtime starts and resumes. Published versions never change, so each is compiled
/// once; which versions are live is re-read every couple of seconds, so a publish in any process is picked
/// up by all of them.
/// </summary>
public sealed class FlowCatalog(IDocumentStore store, TimeProvider clock)
{
    private static readonly TimeSpan LiveFor = TimeSpan.FromSeconds(2);
    private readonly ConcurrentDictionary<string, CompiledFlow> _versions = new();
    private (DateTimeOffset LoadedAt, IReadOnlyList<CompiledFlow> Flows)? _live;

    public async Task<IReadOnlyList<CompiledFlow>> TriggeredByAsync(string eventName, CancellationToken ct) =>
        (await LiveAsync(ct)).Where(f => f.Trigger.Event == eventName).ToList();

    public async Task<bool> HasVersionAsync(string flowId, int version, CancellationToken ct)
    {
        if (_versions.ContainsKey(FlowVersion.IdFor(flowId, version))) return true;
        await using var session = store.QuerySession();
        return await session.LoadAsync<FlowVersion>(FlowVersion.IdFor(flowId, version), ct) is not null;
    }

    public async Task<CompiledFlow> VersionAsync(string flowId, int version, CancellationToken ct)
    {
        var id = FlowVersion.IdFor(flowId, version);
        if (_versions.TryGetValue(id, out var cached)) return cached;
        await using var session = store.QuerySession();
        var stored = await session.LoadAsync<FlowVersion>(id, ct) ?? throw new InvalidOperationException($"Flow version {id} is not stored");
        // Validated with the templates when it was published; templates edited since then are checked when rendered.
        return _versions[id] = FlowCompiler.Compile(stored.Definition, ValidationContext.StructureOnly).Require();
    }

    /// <summary>Forget what is live, so this process sees a publish or disable at once.</summary>
    public void Invalidate() => _live = null;

    private async Task<IReadOnlyList<CompiledFlow>> LiveAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (_live is { } live && now - live.LoadedAt < LiveFor && now >= live.LoadedAt) return live.Flows;
        await using var session = store.QuerySession();
        var published = await session.Query<StoredFlow>().Where(f => f.PublishedVersion != null && !f.Disabled).ToListAsync(ct);
        var flows = new List<CompiledFlow>();
        foreach (var flow in published) flows.Add(await VersionAsync(flow.Id, flow.PublishedVersion!.Value, ct));
        _live = (now, flows);
        return flows;
    }
}
