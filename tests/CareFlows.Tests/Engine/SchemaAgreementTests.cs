using System.Text.Json;
using System.Text.Json.Nodes;
using CareFlows.Engine.Definitions;
using Json.Schema;

namespace CareFlows.Tests.Engine;

/// <summary>
/// The JSON Schema shipped for editors and other tools (workflows/schema/flow.schema.json) and the validator the server
/// uses must agree: what one accepts the other accepts, what one refuses the other refuses. (The validator checks more
/// than a schema can say, such as reachability and templates; the corpus keeps to what both can judge.)
/// </summary>
public class SchemaAgreementTests
{
    private static readonly JsonSchema Schema =
        JsonSchema.FromText(File.ReadAllText(Path.Combine(TestData.RepositoryFolder("workflows"), "schema", "flow.schema.json")));

    private static string Chain(params (string Type, object Properties)[] steps) => TestFlows.Chain(steps);

    // A definition, then a change that breaks it.
    private static string Broken(Action<JsonObject> breakIt)
    {
        var node = JsonNode.Parse(Chain(("SendEmail", new { template = "reassurance", category = "service" }), ("Delay", new { duration = "P2D" })))!.AsObject();
        breakIt(node);
        return node.ToJsonString();
    }

    public static TheoryData<string, string> Valid() => new()
    {
        { "the shipped flow", File.ReadAllText(Path.Combine(TestData.RepositoryFolder("workflows"), "close-the-loop.json")) },
        { "an email then a week", Chain(("SendEmail", new { template = "reassurance", category = "marketing" }), ("Delay", new { duration = "P1W" })) },
        { "a send window", Chain(("SendWindow", new { start = "09:00", end = "17:30", timeZone = "Europe/Berlin" })) },
        { "a discount", Chain(("IssueDiscount", new { value = 10, kind = "percent", validFor = "P30D", prefix = "THANKS" })) },
        { "a wait for delivery", Chain(("Delay", new { duration = "PT2H30M" })) },
    };

    public static TheoryData<string, string> Invalid() => new()
    {
        { "no id", Broken(n => n.Remove("id")) },
        { "an unknown top-level property", Broken(n => n["colour"] = "blue") },
        { "an unknown activity type", Broken(n => n["activities"]![1]!["type"] = "Teleport") },
        { "a duration that is not ISO-8601", Broken(n => n["activities"]![2]!["properties"]!["duration"] = "soon") },
        { "a category that does not exist", Broken(n => n["activities"]![1]!["properties"]!["category"] = "spam") },
        { "a missing required property", Broken(n => n["activities"]![1]!["properties"]!.AsObject().Remove("template")) },
        { "a connection without a target", Broken(n => n["connections"]![0]!.AsObject().Remove("target")) },
        { "an id with capitals and spaces", Broken(n => n["id"] = "My Flow") },
        { "a time of day that does not exist", Chain(("SendWindow", new { start = "25:00", end = "17:00" })) },
    };

    [Theory]
    [MemberData(nameof(Valid))]
    public void what_the_validator_accepts_the_schema_accepts(string what, string json)
    {
        FlowCompiler.CompileJson(json, ValidationContext.StructureOnly, what).Faults.ShouldBeEmpty(what);
        var result = Schema.Evaluate(JsonDocument.Parse(json).RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        result.IsValid.ShouldBeTrue($"{what}: {string.Join("; ", (result.Details ?? []).Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation} {e.Value}")))}");
    }

    [Theory]
    [MemberData(nameof(Invalid))]
    public void what_the_validator_refuses_the_schema_refuses(string what, string json)
    {
        FlowCompiler.CompileJson(json, ValidationContext.StructureOnly, what).Faults.ShouldNotBeEmpty(what);
        Schema.Evaluate(JsonDocument.Parse(json).RootElement).IsValid.ShouldBeFalse(what);
    }
}
