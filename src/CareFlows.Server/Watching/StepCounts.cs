namespace CareFlows.Server.Watching;

public sealed record ReasonCount(string Reason, long Count);

/// <summary>What happened at one step of a flow in a period, and how many instances wait there now.</summary>
public sealed record StepCount(string ActivityId, long Entered, long WaitingNow, long Sent,
    IReadOnlyList<ReasonCount> Skipped, IReadOnlyList<ReasonCount> Exited);

/// <summary>One grouped row of the step query: an activity, what happened there (entered, sent...), why, how often.</summary>
public sealed record StepFact(string ActivityId, string Kind, string Reason, long Count);

public static class StepCounts
{
    public const string Entered = "entered", Waiting = "waiting", Sent = "sent", Skipped = "skipped", Exited = "exited";

    /// <summary>Folds the query's rows into one count per activity, busiest first by entries.</summary>
    public static IReadOnlyList<StepCount> Fold(IEnumerable<StepFact> facts) =>
        facts.GroupBy(f => f.ActivityId)
            .Select(step => new StepCount(step.Key,
                Sum(step, Entered), Sum(step, Waiting), Sum(step, Sent), Reasons(step, Skipped), Reasons(step, Exited)))
            .OrderByDescending(s => s.Entered).ThenBy(s => s.ActivityId, StringComparer.Ordinal)
            .ToList();

    private static long Sum(IEnumerable<StepFact> facts, string kind) => facts.Where(f => f.Kind == kind).Sum(f => f.Count);

    private static IReadOnlyList<ReasonCount> Reasons(IEnumerable<StepFact> facts, string kind) =>
        facts.Where(f => f.Kind == kind).GroupBy(f => f.Reason)
            .Select(r => new ReasonCount(r.Key, r.Sum(f => f.Count)))
            .OrderByDescending(r => r.Count).ThenBy(r => r.Reason, StringComparer.Ordinal)
            .ToList();
}
