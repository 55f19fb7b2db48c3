namespace CareFlows.Engine.Runtime;

/// <summary>A step's request for an email. Delivery renders the template with <see cref="Data"/> and queues it, unless consent says no.</summary>
public sealed record EmailRequest(string StepId, string ActivityId, string Template, string Category, IReadOnlyDictionary<string, object?> Data);

/// <summary>
/// What the engine decided, in order: events to append to the instance's stream, and email requests, which
/// the executor turns into EmailQueued or EmailSkipped events at that point of the stream.
/// </summary>
public sealed record FlowDecision(IReadOnlyList<object> Outcomes)
{
    public static readonly FlowDecision Nothing = new([]);
    public bool IsEmpty => Outcomes.Count == 0;
    public IEnumerable<IFlowEvent> Events => Outcomes.OfType<IFlowEvent>();
}

/// <summary>What the engine needs from outside: the shop's default zone, and a source of fresh discount codes.</summary>
public sealed record EngineEnvironment(string DefaultTimeZone, Func<string, string> NewDiscountCode);
