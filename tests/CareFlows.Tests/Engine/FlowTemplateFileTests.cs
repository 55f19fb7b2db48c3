using CareFlows.Engine.Definitions;
using CareFlows.Engine.Templates;

namespace CareFlows.Tests.Engine;

/// <summary>The starting points "New flow" offers (workflows/templates) are valid flows whose every template exists.</summary>
public class FlowTemplateFileTests
{
    public static TheoryData<string> Files() => new(Directory.EnumerateFiles(Path.Combine(TestData.RepositoryFolder("workflows"), "templates"), "*.json").Select(Path.GetFileName)!);

    [Theory]
    [MemberData(nameof(Files))]
    public void every_flow_template_compiles_and_its_emails_have_templates(string file)
    {
        var json = File.ReadAllText(Path.Combine(TestData.RepositoryFolder("workflows"), "templates", file));
        var flow = FlowCompiler.CompileJson(json, ValidationContext.StructureOnly, file).Require();
        var catalog = new TemplateCatalog(TestData.RepositoryFolder("templates"), "en");
        foreach (var send in flow.Definition.Activities.Where(a => a.Type == "SendEmail"))
            catalog.Exists(send.Properties["template"]!.GetValue<string>()).ShouldBeTrue($"{file}: {send.Id}");
    }

    [Fact]
    public void no_flow_template_gates_a_review_request_on_a_rating()
    {
        var review = FlowCompiler.CompileJson(File.ReadAllText(Path.Combine(TestData.RepositoryFolder("workflows"), "templates", "review-request.json")),
            ValidationContext.StructureOnly).Require();
        review.Definition.Activities.ShouldNotContain(a => a.Type == "WaitForFeedback" || a.Type == "Condition");
    }
}
