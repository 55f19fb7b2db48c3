using CareFlows.Engine.Templates;

namespace CareFlows.Server.Care;

// The events of a customer's care stream: what they told the shop, and the cases it opened and put right. One stream
// per customer (CareStreamId), so their history reads in one place and goes with their data export and erasure.

/// <summary>
/// The customer answered a message: a rating (with a comment) or a reply. The flow instance records the same answer
/// (FeedbackGiven / CustomerReplied); this copy carries what the Feedback view groups by (flow, version, SKUs).
/// </summary>
public sealed record AnswerRecorded(
    string CustomerId, Guid InstanceId, string FlowId, int FlowVersion, string OrderId, string OrderNumber, IReadOnlyList<string> Skus,
    string MessageId, string ActivityId, int? Score, string? Comment, string? Reply, string Source, DateTimeOffset At);

public sealed record CaseOpened(Guid CaseId, Guid InstanceId, string OrderId, string Reason, Person Owner, DateTimeOffset At);

/// <summary>A case was put right, by whom and how; the first resolution stands.</summary>
public sealed record CaseResolved(Guid CaseId, string Note, string By, DateTimeOffset At);

/// <summary>The first event of a care stream: whose it is.</summary>
public sealed record CareStarted(string CustomerId, DateTimeOffset At);
