namespace CareFlows.Server.Delivery.Outbox;

/// <summary>How a queued message ended: its final status (see <see cref="OutboxStatus"/>), why, and when.</summary>
public sealed record MessageOutcome(string Status, string Reason, DateTimeOffset At)
{
    public bool IsBounce => Status == OutboxStatus.Bounced;
}
