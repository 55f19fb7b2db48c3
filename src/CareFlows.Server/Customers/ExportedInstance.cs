namespace CareFlows.Server.Customers;

public sealed record ExportedInstance(Guid Id, string FlowId, int FlowVersion, string OrderId, string Status, IReadOnlyList<object> Events);
