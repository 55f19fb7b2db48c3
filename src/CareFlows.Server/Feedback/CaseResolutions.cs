using CareFlows.Engine.Activities;
using CareFlows.Server.Care;
using CareFlows.Server.Flows;
using CareFlows.Server.Hosting;
using Marten;

namespace CareFlows.Server.Feedback;

/// <summary>
/// Puts a case right: CaseResolved on the customer's care stream, then "CaseResolved" to the instance whose answer
/// opened it (a WaitForEvent CaseResolved moves on). Idempotent: resolving a resolved case changes nothing but tells
/// the instance again, which a retry after a crash between the two commits needs and which an instance that saw the
/// event already ignores.
/// </summary>
public sealed class CaseResolutions(IDocumentStore store, CareRecords care, FlowResumer resumer, TimeProvider clock)
{
    public async Task<ResolveResult> ResolveAsync(string customerId, Guid caseId, string note, string by, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var resolution = await WriteConflicts.RetryAsync(async _ =>
        {
            await using var session = store.LightweightSession();
            var result = await care.ResolveAsync(session, customerId, caseId, note, by, now, ct);
            await session.SaveChangesAsync(ct);
            return result;
        }, ct);
        if (resolution.InstanceId is { } instanceId)
            await resumer.OnOrderEventAsync(instanceId, FeedbackVocabulary.CaseResolved, now, note, ct);
        return resolution.Result;
    }
}
