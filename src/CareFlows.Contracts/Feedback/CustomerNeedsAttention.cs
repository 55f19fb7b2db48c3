namespace CareFlows.Contracts.Feedback;

/// <summary>
/// A customer needs a person: a low rating, a reply, or a case left open too long. Published by a flow's NotifyTeam step
/// so a helpdesk can open a ticket. Published at least once: the MassTransit MessageId is the same on every
/// publication of one step, and <see cref="AlertId"/> names the step, so a receiver can drop a duplicate.
/// </summary>
public record CustomerNeedsAttention
{
    public string AlertId { get; init; } = "";
    public string CustomerId { get; init; } = "";
    public string? CaseId { get; init; }
    public string OrderId { get; init; } = "";
    public string OrderNumber { get; init; } = "";
    public string FlowId { get; init; } = "";
    /// <summary>1 to 5, or null when the customer replied without rating.</summary>
    public int? Score { get; init; }
    public string? Comment { get; init; }
    public string? Reply { get; init; }
    /// <summary>What the flow's step says, e.g. "Case open for 3 days".</summary>
    public string? Note { get; init; }
    public string OwnerName { get; init; } = "";
    public string OwnerEmail { get; init; } = "";
    /// <summary>The customer's page in the designer: their orders, messages, feedback and cases.</summary>
    public string CustomerPageUrl { get; init; } = "";
    public DateTimeOffset At { get; init; }
}
