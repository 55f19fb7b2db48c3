namespace CareFlows.Engine.Activities;

// Activities as the engine runs them: typed and already validated (see FlowCompiler).

public abstract record Activity(string Id);

public sealed record Trigger(string Id, string Event, string? Filter) : Activity(Id);

public sealed record SendEmail(string Id, string Template, string Category) : Activity(Id);

public sealed record Delay(string Id, TimeSpan Duration) : Activity(Id);

public sealed record WaitForEvent(string Id, string Event, TimeSpan? Timeout) : Activity(Id);

public sealed record SendWindow(string Id, TimeOnly Start, TimeOnly End, string? TimeZone) : Activity(Id);

public sealed record Condition(string Id, string Expression) : Activity(Id);

public sealed record RandomSplit(string Id, IReadOnlyList<SplitBranch> Branches) : Activity(Id);

public sealed record SplitBranch(string Name, int Weight);

public sealed record IssueDiscount(string Id, decimal Value, string Kind, TimeSpan ValidFor, string Prefix) : Activity(Id);

public sealed record Exit(string Id, string Reason) : Activity(Id);
