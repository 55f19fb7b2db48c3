using CareFlows.Contracts.Orders;

namespace CareFlows.Server.Flows;

public enum FlowStatus { Running, Completed }

public record SentEmail(string StepId, string MessageId, string Status);

/// <summary>
/// Current state of a flow instance, kept by an inline snapshot projection of its stream: it is written in
/// the same transaction as the events, so a reader never sees events without their state. Partial because
/// Marten 9 dispatches Create/Apply through a source generator (see build/Marten.props).
/// </summary>
public partial class FlowInstance
{
    public Guid Id { get; set; }
    public string FlowId { get; set; } = "";
    public int FlowVersion { get; set; }
    public string OrderId { get; set; } = "";
    public string CustomerId { get; set; } = "";
    public OrderPlaced Order { get; set; } = new();
    public FlowStatus Status { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    public List<SentEmail> Emails { get; set; } = [];

    public static FlowInstance Create(FlowStarted started) => new()
    {
        FlowId = started.FlowId,
        FlowVersion = started.FlowVersion,
        OrderId = started.Order.OrderId,
        CustomerId = started.Order.Customer.CustomerId,
        Order = started.Order,
        Status = FlowStatus.Running,
        StartedAt = started.StartedAt,
    };

    public void Apply(EmailQueued e) => Emails.Add(new SentEmail(e.StepId, e.MessageId, "queued"));
    public void Apply(EmailSent e) => SetEmailStatus(e.MessageId, "sent");
    public void Apply(EmailFailed e) => SetEmailStatus(e.MessageId, e.Permanent ? "bounced" : "failed");
    public void Apply(FlowCompleted _) => Status = FlowStatus.Completed;

    private void SetEmailStatus(string messageId, string status)
    {
        var index = Emails.FindIndex(m => m.MessageId == messageId);
        if (index >= 0) Emails[index] = Emails[index] with { Status = status };
    }
}
