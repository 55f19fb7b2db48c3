namespace CareFlows.Server.Flows;

/// <summary>A step's request for an email: delivery renders the template and queues it.</summary>
public sealed record EmailRequest(string StepId, string Template, string Category, IReadOnlyDictionary<string, object?>? Data = null);

/// <summary>
/// What a pure flow decision returns, in order: events to append to the instance's stream, and commands
/// (<see cref="EmailRequest"/>) that the executor turns into events once delivery has queued them.
/// </summary>
public sealed record FlowDecision(IReadOnlyList<object> Outcomes);
