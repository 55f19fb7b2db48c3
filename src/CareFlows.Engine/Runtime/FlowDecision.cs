namespace CareFlows.Engine.Runtime;

/// <summary>A step's request for an email. Delivery renders the template with <see cref="Data"/> and queues it, unless consent says no.</summary>
public sealed record EmailRequest(string StepId, string ActivityId, string Template, string Category, IReadOnlyDictionary<string, object?> Data)
{
    /// <summary>The customer's latest answer, as templates read it (<c>feedback.score</c>...).</summary>
    public IReadOnlyDictionary<string, object?> Feedback { get; init; } = InstanceState.FeedbackModel(null);
    /// <summary>"shop", or "owner": signed by the customer's owner, with a Reply-To of their address.</summary>
    public string Sender { get; init; } = Activities.ActivityCatalog.FromShop;
    /// <summary>How the marketing frequency cap applies: apply, hold or ignore.</summary>
    public string Cap { get; init; } = Activities.ActivityCatalog.CapApply;
}

/// <summary>A NotifyTeam step's request: the server alerts the person and tells the helpdesk, then records <see cref="TeamNotified"/>.</summary>
public sealed record TeamAlertRequest(string StepId, string ActivityId, string To, string? Note, Answer? Answer);

/// <summary>
/// What the engine decided, in order: events to append to the instance's stream, and requests (emails, team alerts),
/// which the executor turns into events (EmailQueued or EmailSkipped, TeamNotified) at that point of the stream.
/// </summary>
public sealed record FlowDecision(IReadOnlyList<object> Outcomes)
{
    public static readonly FlowDecision Nothing = new([]);
    public bool IsEmpty => Outcomes.Count == 0;
    public IEnumerable<IFlowEvent> Events => Outcomes.OfType<IFlowEvent>();
}

/// <summary>What the engine needs from outside: the shop's default zone, and a source of fresh discount codes.</summary>
public sealed record EngineEnvironment(string DefaultTimeZone, Func<string, string> NewDiscountCode);
