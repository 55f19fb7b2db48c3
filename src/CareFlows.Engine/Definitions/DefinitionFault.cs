namespace CareFlows.Engine.Definitions;

/// <summary>One thing wrong with a definition: where (JSON path and, for a file, its line) and what.</summary>
public sealed record DefinitionFault(string Path, string Message, int? Line = null, string? Source = null)
{
    public override string ToString() =>
        $"{Source ?? "definition"}{(Line is { } line ? $":{line}" : "")}: {Path}: {Message}";
}

public sealed class InvalidDefinitionException(IReadOnlyList<DefinitionFault> faults)
    : Exception("The flow definition is invalid:" + Environment.NewLine + string.Join(Environment.NewLine, faults))
{
    public IReadOnlyList<DefinitionFault> Faults { get; } = faults;
}
