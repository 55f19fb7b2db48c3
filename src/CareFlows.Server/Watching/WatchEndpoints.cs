using CareFlows.Server.Definitions;
using Marten;

namespace CareFlows.Server.Watching;

public sealed record FlowOverview(string Id, string Name, string State, int? PublishedVersion, int Revision,
    DateTimeOffset UpdatedAt, long Running, long SentLast7Days, long OrdersLast7Days = 0, decimal RevenueLast7Days = 0, string Currency = "");

public sealed record StepReport(string FlowId, DateTimeOffset Since, DateTimeOffset Until, IReadOnlyList<StepCount> Steps, IReadOnlyList<StepResult> Results);

/// <summary>How flows are doing: the designer's list, and the per-step counts it draws on a published flow.</summary>
public static class WatchEndpoints
{
    public static IEndpointRouteBuilder MapWatchEndpoints(this IEndpointRouteBuilder app)
    {
        var flows = app.MapGroup("/api/flows").RequireAuthorization().WithTags("Watching");
        flows.MapGet("/overview", OverviewAsync).WithSummary("Every flow with its state, version, instances running and messages sent in the last 7 days");
        flows.MapGet("/{id}/steps", StepsAsync).WithSummary("Per step: entered, waiting now, sent, skipped and exited by reason, and clicks, attributed orders, revenue and codes redeemed, over the last ?days=N (default 7)");
        return app;
    }

    private static async Task<IResult> OverviewAsync(IQuerySession session, FlowStatistics statistics, FlowResults results, TimeProvider clock, CancellationToken ct)
    {
        var totals = await statistics.TotalsAsync(clock.GetUtcNow().AddDays(-7), ct);
        var earned = (await results.StepsAsync(clock.GetUtcNow().AddDays(-7), clock.GetUtcNow().AddSeconds(1), ct)).GroupBy(r => r.FlowId)
            .ToDictionary(g => g.Key, g => (Orders: g.Sum(r => r.Orders), Revenue: g.Sum(r => r.Revenue), Currency: g.Select(r => r.Currency).FirstOrDefault(c => c != "") ?? ""));
        var flows = await session.Query<StoredFlow>().OrderBy(f => f.Name).ToListAsync(ct);
        return Results.Ok(flows.Select(f =>
        {
            var counts = totals.GetValueOrDefault(f.Id) ?? new FlowTotals(0, 0);
            var money = earned.GetValueOrDefault(f.Id);
            return new FlowOverview(f.Id, f.Name, f.StateName(), f.PublishedVersion, f.Revision, f.UpdatedAt, counts.Running, counts.SentLastWeek,
                money.Orders, money.Revenue, money.Currency ?? "");
        }));
    }

    private static async Task<IResult> StepsAsync(string id, int? days, IQuerySession session, FlowStatistics statistics, FlowResults results, TimeProvider clock, CancellationToken ct)
    {
        if (days is < 1 or > 366) return Results.Problem("days is between 1 and 366", statusCode: 400);
        if (await session.LoadAsync<StoredFlow>(id, ct) is null) return Results.Problem($"No flow {id}", statusCode: 404);
        var until = clock.GetUtcNow();
        var since = until.AddDays(-(days ?? 7));
        var earned = (await results.StepsAsync(since, until.AddSeconds(1), ct)).Where(r => r.FlowId == id).ToList();
        return Results.Ok(new StepReport(id, since, until, await statistics.StepsAsync(id, since, ct), earned));
    }
}
