using System.Text.Json;
using System.Text.Json.Serialization;

namespace CareFlows.Engine.Definitions;

/// <summary>Reads and writes the definition format: camelCase JSON, comments and trailing commas allowed, unknown fields refused.</summary>
public static class DefinitionJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        // A misspelt field ("conections") would otherwise be dropped without a word.
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public sealed record ParseResult(FlowDefinition? Definition, IReadOnlyList<DefinitionFault> Faults, JsonLineMap Lines);

    public static ParseResult Parse(string json, string? source = null)
    {
        var lines = JsonLineMap.Build(json);
        try
        {
            var definition = JsonSerializer.Deserialize<FlowDefinition>(json, Options);
            return definition is null
                ? new(null, [new DefinitionFault("$", "the document is empty (null)", 1, source)], lines)
                : new(definition, [], lines);
        }
        catch (JsonException e)
        {
            var line = e.LineNumber is { } zeroBased ? (int)zeroBased + 1 : lines.LineOf(e.Path ?? "$");
            return new(null, [new DefinitionFault(e.Path ?? "$", FirstSentence(e.Message), line, source)], lines);
        }
    }

    public static string Serialize(FlowDefinition definition) => JsonSerializer.Serialize(definition, Options);

    // System.Text.Json appends "Path: … | LineNumber: … | BytePositionInLine: …", which the fault says in its own words.
    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" Path: ", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }
}
