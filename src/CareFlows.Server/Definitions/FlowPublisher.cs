using CareFlows.Engine.Definitions;
using Marten;

namespace CareFlows.Server.Definitions;

/// <summary>Saves drafts and publishes versions. Publishing validates against the templates and never changes an existing version.</summary>
public sealed class FlowPublisher(IDocumentStore store, DefinitionValidation validation, FlowCatalog catalog, TimeProvider clock)
{
    /// <summary>Publishes <paramref name="definition"/> as the next version (or as its own version number when importing a newer file).</summary>
    public async Task<PublishOutcome> PublishAsync(FlowDefinition definition, string note, bool keepVersionNumber, CancellationToken ct)
    {
        await using var session = store.LightweightSession();
        var stored = await session.LoadAsync<StoredFlow>(definition.Id, ct) ?? new StoredFlow { Id = definition.Id };
        var version = keepVersionNumber ? definition.Version : stored.LatestVersion + 1;
        var versioned = definition with { Version = version };
        var result = validation.Compile(versioned);
        if (!result.IsValid) return new PublishOutcome(false, null, result.Faults);

        var now = clock.GetUtcNow();
        session.Insert(new FlowVersion { Id = FlowVersion.IdFor(definition.Id, version), FlowId = definition.Id, Version = version, Definition = versioned, Note = note, PublishedAt = now });
        stored.Name = definition.Name;
        stored.Draft = versioned;
        stored.DraftFaults = [];
        stored.Revision++;
        stored.PublishedVersion = version;
        stored.LatestVersion = Math.Max(stored.LatestVersion, version);
        stored.UpdatedAt = now;
        session.Store(stored);
        await session.SaveChangesAsync(ct);
        catalog.Invalidate();
        return new PublishOutcome(true, version, []);
    }
}
