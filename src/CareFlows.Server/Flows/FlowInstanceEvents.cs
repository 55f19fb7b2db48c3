using CareFlows.Contracts.Orders;

namespace CareFlows.Server.Flows;

// The events of a flow instance's stream. They are facts, named in the past tense, and carry what a
// later step or a reader of the history needs without looking anywhere else.

public record FlowStarted(string FlowId, int FlowVersion, OrderPlaced Order, DateTimeOffset StartedAt);

/// <summary>A step decided that a message goes out; delivery rendered it and queued it in the outbox.</summary>
public record EmailQueued(string StepId, string MessageId, string Template, string Category, string Recipient, DateTimeOffset QueuedAt);

public record EmailSent(string StepId, string MessageId, DateTimeOffset SentAt);

public record EmailFailed(string StepId, string MessageId, string Reason, bool Permanent, DateTimeOffset FailedAt);

public record FlowCompleted(DateTimeOffset CompletedAt);
