using CareFlows.Engine.Definitions;
using JasperFx;
using Marten;

namespace CareFlows.Server.Definitions;

/// <summary>
/// Drafts may be saved with faults (a marketer saves work in progress); the faults come back with the save.
/// A save names the revision it was based on: if someone saved in between, it is refused as a conflict.
/// </summary>
public sealed class FlowDrafts(IDocumentStore store, DefinitionValidation validation, FlowCatalog catalog, TimeProvider clock)
{
    public async Task<DraftResult> SaveAsync(FlowDefinition draft, int? basedOnRevision, CancellationToken ct)
    {
        await using var session = store.LightweightSession();
        var stored = await session.LoadAsync<StoredFlow>(draft.Id, ct);
        if (stored is not null && basedOnRevision != stored.Revision) return new DraftResult(DraftOutcome.Conflict, stored.Revision, []);
        stored ??= new StoredFlow { Id = draft.Id };
        stored.Name = draft.Name;
        var faults = validation.Compile(draft).Faults;
        stored.Draft = draft;
        stored.DraftFaults = [.. faults];
        stored.Revision++;
        stored.UpdatedAt = clock.GetUtcNow();
        session.Store(stored);
        try { await session.SaveChangesAsync(ct); }
        catch (ConcurrencyException) { return new DraftResult(DraftOutcome.Conflict, stored.Revision - 1, []); }
        return new DraftResult(DraftOutcome.Saved, stored.Revision, faults);
    }

    public async Task<bool> SetDisabledAsync(string flowId, bool disabled, CancellationToken ct) =>
        await ChangeAsync(flowId, stored => stored.Disabled = disabled, ct);

    /// <summary>Archived: disabled and out of the list; bringing it back leaves it disabled until enabled on purpose.</summary>
    public async Task<bool> SetArchivedAsync(string flowId, bool archived, CancellationToken ct) =>
        await ChangeAsync(flowId, stored => { stored.Archived = archived; stored.Disabled = true; }, ct);

    private async Task<bool> ChangeAsync(string flowId, Action<StoredFlow> change, CancellationToken ct)
    {
        await using var session = store.LightweightSession();
        if (await session.LoadAsync<StoredFlow>(flowId, ct) is not { } stored) return false;
        change(stored);
        stored.UpdatedAt = clock.GetUtcNow();
        session.Store(stored);
        await session.SaveChangesAsync(ct);
        catalog.Invalidate();
        return true;
    }
}
