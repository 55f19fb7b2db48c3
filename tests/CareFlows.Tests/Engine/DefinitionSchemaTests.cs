using System.Text.Json.Nodes;
using CareFlows.Engine.Activities;
using CareFlows.Engine.Definitions;

namespace CareFlows.Tests.Engine;

public class DefinitionSchemaTests
{
    [Fact]
    public void the_shipped_schema_file_is_the_one_the_catalog_generates()
    {
        var shipped = File.ReadAllText(Path.Combine(TestData.RepositoryFolder("workflows"), "schema", "flow.schema.json"));
        JsonNode.DeepEquals(JsonNode.Parse(shipped), DefinitionSchema.Build())
            .ShouldBeTrue("workflows/schema/flow.schema.json is stale: regenerate it with `dotnet run --project src/CareFlows.Cli -- schema > workflows/schema/flow.schema.json`");
    }

    [Fact]
    public void the_schema_describes_every_activity_type_and_its_required_properties()
    {
        var types = DefinitionSchema.Build()["properties"]!["activities"]!["items"]!["oneOf"]!.AsArray();
        types.Select(t => t!["properties"]!["type"]!["const"]!.GetValue<string>()).ShouldBe(ActivityCatalog.All.Select(a => a.Name));
        var delay = types.Single(t => t!["properties"]!["type"]!["const"]!.GetValue<string>() == "Delay")!;
        delay["properties"]!["properties"]!["required"]!.AsArray().Select(r => r!.GetValue<string>()).ShouldBe(["duration"]);
    }
}
