using Marten;

namespace CareFlows.Server.Delivery;

/// <summary>
/// Asked when a step sends and again just before the dispatcher hands the message to SMTP: whoever opts out on day 3
/// gets nothing on day 14, nor a message that was queued before they opted out and is still waiting. A "no" is
/// recorded on the instance as EmailSkipped with its reason, and the flow goes on.
/// </summary>
public interface ISendGate
{
    Task<SendVerdict> CheckAsync(IQuerySession session, string customerId, string recipient, string category, CancellationToken ct);
}
