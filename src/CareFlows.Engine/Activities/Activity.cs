namespace CareFlows.Engine.Activities;

// Activities as the engine runs them: typed and already validated (see FlowCompiler).

public abstract record Activity(string Id);

public sealed record Trigger(string Id, string Event, string? Filter) : Activity(Id);

/// <summary><paramref name="Sender"/>: "shop", or "owner" for a message signed by the customer's owner, whose address replies go to.
/// <paramref name="Cap"/>: how the marketing frequency cap applies to this step: "apply" (skip when over it), "hold"
/// (send once it allows), "ignore".</summary>
public sealed record SendEmail(string Id, string Template, string Category, string Sender = ActivityCatalog.FromShop, string Cap = ActivityCatalog.CapApply) : Activity(Id);

public sealed record Delay(string Id, TimeSpan Duration) : Activity(Id);

public sealed record WaitForEvent(string Id, string Event, TimeSpan? Timeout) : Activity(Id);

public sealed record SendWindow(string Id, TimeOnly Start, TimeOnly End, string? TimeZone) : Activity(Id);

public sealed record Condition(string Id, string Expression) : Activity(Id);

public sealed record RandomSplit(string Id, IReadOnlyList<SplitBranch> Branches) : Activity(Id);

public sealed record SplitBranch(string Name, int Weight);

public sealed record IssueDiscount(string Id, decimal Value, string Kind, TimeSpan ValidFor, string Prefix) : Activity(Id);

public sealed record Exit(string Id, string Reason) : Activity(Id);

/// <summary>Waits for the customer's answer to <paramref name="Message"/> (a SendEmail activity of this flow): a rating or a reply.</summary>
public sealed record WaitForFeedback(string Id, string Message, int UnhappyAtMost, int HappyFrom, TimeSpan? Timeout) : Activity(Id);

/// <summary>Alerts a person, never the customer: the customer's owner (assigned if they have none) or the team's address.</summary>
public sealed record NotifyTeam(string Id, string To, string? Note) : Activity(Id);
