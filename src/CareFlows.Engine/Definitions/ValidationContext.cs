using Scriban.Runtime;

namespace CareFlows.Engine.Definitions;

/// <summary>
/// What validation needs from outside the definition: whether a template exists and renders (the caller knows
/// where templates live), and a sample model to try expressions on, so an unknown name is caught before publishing.
/// </summary>
public sealed record ValidationContext(Func<string, IReadOnlyList<string>> TemplateFaults, ScriptObject? SampleModel = null)
{
    public const int DefaultMaxActivities = 500;

    /// <summary>The most activities a flow may have (Flows:MaxActivities); checked before anything that grows faster than the flow.</summary>
    public int MaxActivities { get; init; } = DefaultMaxActivities;

    /// <summary>Checks the definition's own structure only; every template name is taken as valid.</summary>
    public static readonly ValidationContext StructureOnly = new(_ => []);
}
