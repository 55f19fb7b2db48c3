namespace CareFlows.Server.Flows.Timers;

public sealed record DueTimer(Guid StreamId, string TimerId);
