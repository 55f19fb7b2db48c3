namespace CareFlows.Server.Hosting;

/// <summary>A plain table a feature keeps beside Marten's documents (the outbox, the timers): its idempotent DDL.</summary>
public sealed record TableDefinition(string Name, string Ddl);
