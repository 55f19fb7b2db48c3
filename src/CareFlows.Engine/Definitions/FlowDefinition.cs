using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace CareFlows.Engine.Definitions;

// A flow definition as it is stored in workflows/*.json, edited by the designer and served by the API.
// Deliberately close to Elsa 3's flowchart JSON (activities with id/type/properties/position, connections
// between a source activity's named port and a target activity), so the two can be mapped onto each other.

public sealed record FlowDefinition
{
    /// <summary>Where an editor finds the JSON Schema; ignored by the engine.</summary>
    [JsonPropertyName("$schema")]
    public string? Schema { get; init; }
    public string Id { get; init; } = "";
    public string Name { get; init; } = "";
    public int Version { get; init; } = 1;
    public string? Description { get; init; }
    /// <summary>Order events that end a running instance at once, e.g. OrderCancelled, OrderRefunded.</summary>
    public IReadOnlyList<string> ExitOn { get; init; } = [];
    public EntryRules? Entry { get; init; }
    public IReadOnlyList<ActivityDefinition> Activities { get; init; } = [];
    public IReadOnlyList<ConnectionDefinition> Connections { get; init; } = [];
}

/// <summary>Who may enter. One instance per (flow, order) always holds; this adds a per-customer limit.</summary>
public sealed record EntryRules
{
    /// <summary>At most one instance of this flow per customer within this many days; null for no limit.</summary>
    public int? OncePerCustomerWithinDays { get; init; }
}

public sealed record ActivityDefinition
{
    public string Id { get; init; } = "";
    public string Type { get; init; } = "";
    public string? DisplayName { get; init; }
    public JsonObject Properties { get; init; } = new();
    public Position? Position { get; init; }
}

public sealed record Position(double X, double Y);

public sealed record ConnectionDefinition
{
    public PortRef Source { get; init; } = new();
    public PortRef Target { get; init; } = new();
}

public sealed record PortRef
{
    public string Activity { get; init; } = "";
    /// <summary>The source's outcome ("Done", "True", a split's branch...). On a target it may be left out ("In").</summary>
    public string? Port { get; init; }
}
