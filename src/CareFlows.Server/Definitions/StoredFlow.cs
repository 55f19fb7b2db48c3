using CareFlows.Engine.Definitions;

namespace CareFlows.Server.Definitions;

/// <summary>
/// A flow as marketers manage it: the draft they edit, which version is published, and whether it is disabled.
/// <see cref="Revision"/> counts saves, so an editor holding an old copy is told instead of overwriting.
/// </summary>
public sealed class StoredFlow
{
    public string Id { get; set; } = "";
    public string Name { get; set; } = "";
    public FlowDefinition Draft { get; set; } = new();
    /// <summary>The draft's faults when it was saved: reading a flow does not validate it again (templates are checked then too).</summary>
    public List<DefinitionFault>? DraftFaults { get; set; }
    public int Revision { get; set; }
    public int? PublishedVersion { get; set; }
    public int LatestVersion { get; set; }
    public bool Disabled { get; set; }
    /// <summary>Out of the designer's list and starting nothing; its versions and instances stay (history is kept).</summary>
    public bool Archived { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>What the designer's list shows: disabled, draft (never published) or published.</summary>
    public string StateName() => Archived ? "archived" : Disabled ? "disabled" : PublishedVersion is null ? "draft" : "published";
}

/// <summary>A published version: immutable. Instances run to the end on the version they started on.</summary>
public sealed class FlowVersion
{
    public string Id { get; set; } = "";
    public string FlowId { get; set; } = "";
    public int Version { get; set; }
    public FlowDefinition Definition { get; set; } = new();
    public string Note { get; set; } = "";
    public DateTimeOffset PublishedAt { get; set; }

    public static string IdFor(string flowId, int version) => $"{flowId}@{version}";
}
