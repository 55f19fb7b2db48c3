namespace CareFlows.Contracts.Feedback;

/// <summary>
/// A helpdesk (or a person) put a customer's case right. The case's flow instance moves on (a WaitForEvent
/// CaseResolved). Idempotent: a case resolved before stays resolved with its first note.
/// </summary>
public record CustomerCaseResolved
{
    public string CustomerId { get; init; } = "";
    public string CaseId { get; init; } = "";
    public string Note { get; init; } = "";
    /// <summary>Who resolved it, e.g. the agent's name or the helpdesk's.</summary>
    public string ResolvedBy { get; init; } = "";
    public DateTimeOffset ResolvedAt { get; init; }
}
