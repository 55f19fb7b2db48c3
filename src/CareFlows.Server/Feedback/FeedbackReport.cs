using CareFlows.Server.Care;
using Marten;

namespace CareFlows.Server.Feedback;

public sealed record ScorePeriod(DateOnly WeekOf, int Ratings, double? Average);

public sealed record AnswerRow(DateTimeOffset At, string CustomerId, string FlowId, int FlowVersion, string OrderNumber, IReadOnlyList<string> Skus,
    int? Score, string? Comment, string? Reply, string Source);

public sealed record OpenCaseRow(Guid CaseId, string CustomerId, string OrderId, string Reason, string Owner, DateTimeOffset OpenedAt, double AgeHours);

/// <summary>
/// What customers say, for the designer's Feedback view: the score distribution and average, week by week, the latest
/// comments and replies, the open cases with their owner and age, and how long cases took to put right.
/// </summary>
public sealed record FeedbackSummary(
    DateTimeOffset Since, DateTimeOffset Until, int Ratings, double? Average, IReadOnlyList<int> Distribution, IReadOnlyList<ScorePeriod> Weeks,
    IReadOnlyList<AnswerRow> Latest, IReadOnlyList<OpenCaseRow> OpenCases, int CasesResolved, double? MedianHoursToResolve);

/// <summary>Reads the care streams' answers (Marten's event table, by type and time) and the open cases (indexed flag).</summary>
public sealed class FeedbackReport(IDocumentStore store)
{
    public async Task<IReadOnlyList<AnswerRow>> AnswersAsync(DateTimeOffset since, DateTimeOffset until, string? flowId, string? sku, CancellationToken ct)
    {
        await using var session = store.QuerySession();
        var answers = await session.Events.QueryRawEventDataOnly<AnswerRecorded>().Where(a => a.At >= since && a.At < until).ToListAsync(ct);
        return answers
            .Where(a => flowId is null || a.FlowId == flowId)
            .Where(a => sku is null || a.Skus.Contains(sku))
            .OrderByDescending(a => a.At)
            .Select(a => new AnswerRow(a.At, a.CustomerId, a.FlowId, a.FlowVersion, a.OrderNumber, a.Skus, a.Score, a.Comment, a.Reply, a.Source))
            .ToList();
    }

    public async Task<FeedbackSummary> SummaryAsync(DateTimeOffset since, DateTimeOffset until, string? flowId, string? sku, CancellationToken ct)
    {
        var answers = await AnswersAsync(since, until, flowId, sku, ct);
        var rated = answers.Where(a => a.Score is not null).ToList();
        var distribution = Enumerable.Range(1, 5).Select(s => rated.Count(a => a.Score == s)).ToList();
        var weeks = rated.GroupBy(a => WeekOf(a.At)).OrderBy(g => g.Key)
            .Select(g => new ScorePeriod(g.Key, g.Count(), Math.Round(g.Average(a => a.Score!.Value), 2))).ToList();

        await using var session = store.QuerySession();
        var withCases = await session.Query<CustomerCareFile>().Where(f => f.HasOpenCase || f.Cases.Any(c => c.OpenedAt >= since)).ToListAsync(ct);
        var open = withCases.SelectMany(f => f.Cases.Where(c => c.IsOpen).Select(c => new OpenCaseRow(c.Id, f.CustomerId, c.OrderId, c.Reason, c.Owner.Name, c.OpenedAt,
                Math.Round((until - c.OpenedAt).TotalHours, 1))))
            .OrderBy(c => c.OpenedAt).ToList();
        var resolveHours = withCases.SelectMany(f => f.Cases).Where(c => c.ResolvedAt is { } r && r >= since && r < until)
            .Select(c => (c.ResolvedAt!.Value - c.OpenedAt).TotalHours).Order().ToList();
        return new FeedbackSummary(since, until, rated.Count, rated.Count == 0 ? null : Math.Round(rated.Average(a => a.Score!.Value), 2), distribution, weeks,
            answers.Take(50).ToList(), open, resolveHours.Count, resolveHours.Count == 0 ? null : Math.Round(resolveHours[resolveHours.Count / 2], 1));
    }

    private static DateOnly WeekOf(DateTimeOffset at)
    {
        var day = DateOnly.FromDateTime(at.UtcDateTime);
        return day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
    }
}
