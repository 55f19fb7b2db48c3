using CareFlows.Contracts.Orders;

namespace CareFlows.Engine.Runtime;

// The events of a flow instance's stream: facts in the past tense, each carrying what a reader of the
// history (or the designer's step counts) needs without looking anywhere else.

public interface IFlowEvent
{
    DateTimeOffset At { get; }
}

public sealed record FlowStarted(string FlowId, int FlowVersion, OrderPlaced Order, int CustomerOrderCount, DateTimeOffset At) : IFlowEvent;

public sealed record ActivityEntered(string ActivityId, string Type, int Visit, DateTimeOffset At) : IFlowEvent;

/// <summary>An activity finished through <paramref name="Port"/>; <paramref name="Why"/> explains a branch.</summary>
public sealed record ActivityCompleted(string ActivityId, string Port, string? Why, DateTimeOffset At) : IFlowEvent;

/// <summary>Waiting until <paramref name="Until"/> (a timer) and/or for <paramref name="Event"/>; <paramref name="TimerId"/> names the timer.
/// <paramref name="ForMessage"/> names the SendEmail activity whose answer a feedback wait waits for.</summary>
public sealed record WaitStarted(string ActivityId, string TimerId, DateTimeOffset? Until, string? Event, string Kind, DateTimeOffset At, string? ForMessage = null) : IFlowEvent;

/// <summary>An order event this instance has seen; a later WaitForEvent for it continues at once.</summary>
public sealed record EventObserved(string Event, DateTimeOffset OccurredAt, DateTimeOffset At) : IFlowEvent;

/// <summary>A step decided that a message goes out; delivery rendered it and queued it in the outbox.</summary>
public sealed record EmailQueued(string StepId, string MessageId, string Template, string Category, string Recipient, DateTimeOffset At) : IFlowEvent;

/// <summary>A step's message was not sent, and why (no consent, a bounced address...). The flow goes on.</summary>
public sealed record EmailSkipped(string StepId, string Template, string Category, string Reason, DateTimeOffset At) : IFlowEvent;

public sealed record EmailSent(string StepId, string MessageId, DateTimeOffset At) : IFlowEvent;

public sealed record EmailFailed(string StepId, string MessageId, string Reason, bool Permanent, DateTimeOffset At) : IFlowEvent;

public sealed record DiscountIssued(string ActivityId, string Code, decimal Value, string Kind, DateTimeOffset ExpiresAt, DateTimeOffset At) : IFlowEvent;

public sealed record FlowExited(string Reason, string? ActivityId, DateTimeOffset At) : IFlowEvent;

public sealed record FlowCompleted(DateTimeOffset At) : IFlowEvent;

/// <summary>
/// The customer rated a message of this instance (1-5), perhaps with a comment. A later rating of the same message
/// replaces this one as the answer; both stay in the history. Recorded even after the instance ended.
/// </summary>
public sealed record FeedbackGiven(string MessageId, string StepId, string ActivityId, int Score, string? Comment, DateTimeOffset At) : IFlowEvent;

/// <summary>The customer answered a message of this instance by email; <paramref name="Text"/> is without the quoted history.</summary>
public sealed record CustomerReplied(string MessageId, string StepId, string ActivityId, string Text, DateTimeOffset At) : IFlowEvent;

/// <summary>A NotifyTeam step alerted a person (<paramref name="To"/>: owner or team) with the internal message <paramref name="AlertId"/>.</summary>
public sealed record TeamNotified(string StepId, string ActivityId, string To, string AlertId, DateTimeOffset At) : IFlowEvent;
