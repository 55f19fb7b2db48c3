using System.Text.Json;
using System.Text.Json.Nodes;
using CareFlows.Engine.Activities;

namespace CareFlows.Engine.Definitions;

/// <summary>
/// The JSON Schema (draft 2020-12) of the definition format, generated from the activity catalog so that it cannot
/// drift from what the validator accepts. workflows/schema/flow.schema.json is this, written out (a test keeps it so).
/// </summary>
public static class DefinitionSchema
{
    public static string Json() => Build().ToJsonString(new JsonSerializerOptions { WriteIndented = true });

    public static JsonObject Build() => new()
    {
        ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
        ["$id"] = "https://careflows.dev/schema/flow.schema.json",
        ["title"] = "CareFlows flow definition",
        ["type"] = "object",
        ["required"] = Strings("id", "name", "version", "activities", "connections"),
        ["additionalProperties"] = false,
        ["properties"] = new JsonObject
        {
            ["$schema"] = Type("string"),
            ["id"] = new JsonObject { ["type"] = "string", ["pattern"] = "^[a-z0-9][a-z0-9-]{0,62}$" },
            ["name"] = new JsonObject { ["type"] = "string", ["minLength"] = 1 },
            ["version"] = new JsonObject { ["type"] = "integer", ["minimum"] = 1 },
            ["description"] = Type("string"),
            ["exitOn"] = new JsonObject { ["type"] = "array", ["items"] = Enum(ActivityCatalog.ExitEvents) },
            ["entry"] = new JsonObject
            {
                ["type"] = "object",
                ["additionalProperties"] = false,
                ["properties"] = new JsonObject { ["oncePerCustomerWithinDays"] = new JsonObject { ["type"] = Strings("integer", "null"), ["minimum"] = 1 } },
            },
            ["activities"] = new JsonObject { ["type"] = "array", ["items"] = new JsonObject { ["oneOf"] = new JsonArray(ActivityCatalog.All.Select(Activity).ToArray<JsonNode?>()) } },
            ["connections"] = new JsonObject { ["type"] = "array", ["items"] = Connection() },
        },
    };

    private static JsonObject Activity(ActivityType type) => new()
    {
        ["title"] = type.Label,
        ["description"] = type.Description,
        ["type"] = "object",
        ["required"] = Strings("id", "type"),
        ["additionalProperties"] = false,
        ["properties"] = new JsonObject
        {
            ["id"] = new JsonObject { ["type"] = "string", ["minLength"] = 1 },
            ["type"] = new JsonObject { ["const"] = type.Name },
            ["displayName"] = Type("string"),
            ["position"] = new JsonObject { ["type"] = "object", ["properties"] = new JsonObject { ["x"] = Type("number"), ["y"] = Type("number") } },
            ["properties"] = new JsonObject
            {
                ["type"] = "object",
                ["additionalProperties"] = false,
                ["required"] = Strings(type.Properties.Where(p => p.Required).Select(p => p.Name).ToArray()),
                ["properties"] = new JsonObject(type.Properties.Select(p => KeyValuePair.Create(p.Name, (JsonNode?)Property(p)))),
            },
        },
    };

    private static JsonObject Property(PropertySpec spec)
    {
        var schema = spec.Kind switch
        {
            PropertyKind.Number => Type("number"),
            PropertyKind.Score => new JsonObject { ["type"] = "integer", ["minimum"] = FeedbackVocabulary.LowestScore, ["maximum"] = FeedbackVocabulary.HighestScore },
            PropertyKind.Branches => new JsonObject
            {
                ["type"] = "array",
                ["minItems"] = 2,
                ["items"] = new JsonObject
                {
                    ["type"] = "object",
                    ["required"] = Strings("name", "weight"),
                    ["properties"] = new JsonObject { ["name"] = Type("string"), ["weight"] = new JsonObject { ["type"] = "integer", ["minimum"] = 1 } },
                },
            },
            PropertyKind.Duration => new JsonObject { ["type"] = "string", ["pattern"] = "^P(?!$)(\\d+W)?(\\d+D)?(T(?=\\d)(\\d+H)?(\\d+M)?(\\d+(\\.\\d+)?S)?)?$" },
            PropertyKind.TimeOfDay => new JsonObject { ["type"] = "string", ["pattern"] = "^([01]\\d|2[0-3]):[0-5]\\d$" },
            _ when spec.Choices is { } choices => Enum(choices),
            _ => Type("string"),
        };
        schema["title"] = spec.Label;
        if (spec.Hint is not null) schema["description"] = spec.Hint;
        return schema;
    }

    private static JsonObject Connection()
    {
        JsonObject End(params string[] required) => new()
        {
            ["type"] = "object",
            ["required"] = Strings(required),
            ["additionalProperties"] = false,
            ["properties"] = new JsonObject { ["activity"] = Type("string"), ["port"] = Type("string") },
        };
        return new JsonObject
        {
            ["type"] = "object",
            ["required"] = Strings("source", "target"),
            ["additionalProperties"] = false,
            ["properties"] = new JsonObject { ["source"] = End("activity", "port"), ["target"] = End("activity") },
        };
    }

    private static JsonObject Type(string type) => new() { ["type"] = type };
    private static JsonObject Enum(IEnumerable<string> values) => new() { ["enum"] = Strings(values.ToArray()) };
    private static JsonArray Strings(params string[] values) => new(values.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray());
}
