using System.Text.Json;
using CareFlows.Engine.Definitions;
using CareFlows.Engine.Templates;

namespace CareFlows.Tests.Engine;

/// <summary>Small definitions for tests, written as the JSON a marketer's file would hold.</summary>
public static class TestFlows
{
    public static readonly ValidationContext Structure = ValidationContext.StructureOnly;

    /// <summary>A chain: an OrderPlaced trigger, then each (type, properties) in turn, joined Done -> next.</summary>
    public static string Chain(params (string Type, object Properties)[] steps)
    {
        var activities = new List<object> { new { id = "start", type = "OrderPlaced", properties = new { } } };
        activities.AddRange(steps.Select((s, i) => new { id = $"a{i + 1}", type = s.Type, properties = s.Properties }));
        var connections = activities.Skip(1).Select((_, i) => new
        {
            source = new { activity = i == 0 ? "start" : $"a{i}", port = "Done" },
            target = new { activity = $"a{i + 1}" },
        });
        return Json(new { id = "test-flow", name = "Test", version = 1, exitOn = new[] { "OrderCancelled", "OrderRefunded" }, activities, connections });
    }

    public static string Json(object definition) => JsonSerializer.Serialize(definition, new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = true });

    public static CompiledFlow Compile(string json) => FlowCompiler.CompileJson(json, Structure, "test.json").Require();

    public static IReadOnlyList<DefinitionFault> Faults(string json) => FlowCompiler.CompileJson(json, Structure, "test.json").Faults;

    public static MessageRenderer Renderer() =>
        new(new TemplateCatalog(TestData.RepositoryFolder("templates"), "en"), new ShopOptions { Name = "Teashop", SupportEmail = "help@tea.example" });
}
