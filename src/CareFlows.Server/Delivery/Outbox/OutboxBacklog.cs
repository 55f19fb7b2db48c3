namespace CareFlows.Server.Delivery.Outbox;

/// <summary>Messages due and not yet sent, and how long the oldest of them has been due, as read.</summary>
public sealed record OutboxBacklog(long Due, TimeSpan OldestDueAge);
