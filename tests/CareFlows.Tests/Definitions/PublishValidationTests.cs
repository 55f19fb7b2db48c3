using CareFlows.Engine.Templates;
using CareFlows.Server.Definitions;
using CareFlows.Tests.Engine;

namespace CareFlows.Tests.Definitions;

public class PublishValidationTests
{
    [Fact]
    public void a_flow_whose_template_does_not_parse_is_refused_with_the_templates_line_and_column()
    {
        var root = Directory.CreateTempSubdirectory("careflows-templates-").FullName;
        try
        {
            CopyLayouts(root);
            Write(root, "broken/en/subject.sbn", "Hello");
            Write(root, "broken/en/text.sbn", "Line one\n{{ for line in order.lines }}\n- {{ line.name }}\n");
            Write(root, "broken/en/html.sbn", "<p>x</p>");
            var catalog = new TemplateCatalog(root, "en");
            var validation = new DefinitionValidation(catalog, new MessageRenderer(catalog, new ShopOptions()), TimeProvider.System);
            var definition = FlowCompilerJson(TestFlows.Chain(("SendEmail", new { template = "broken", category = "service" })));

            var fault = validation.Compile(definition).Faults.ShouldHaveSingleItem();

            fault.Path.ShouldBe("$.activities[1].properties.template");
            fault.Message.ShouldStartWith($"template 'broken': broken{Path.DirectorySeparatorChar}en{Path.DirectorySeparatorChar}text.sbn(3,18) : error :");
            fault.Message.ShouldContain("The <end> statement was not found");
        }
        finally { Directory.Delete(root, recursive: true); }
    }

    private static CareFlows.Engine.Definitions.FlowDefinition FlowCompilerJson(string json) =>
        CareFlows.Engine.Definitions.DefinitionJson.Parse(json).Definition!;

    private static void CopyLayouts(string root)
    {
        var shipped = TestData.RepositoryFolder("templates");
        foreach (var folder in new[] { "_layout", "_partials" })
            foreach (var file in Directory.GetFiles(Path.Combine(shipped, folder)))
                Write(root, Path.Combine(folder, Path.GetFileName(file)), File.ReadAllText(file));
    }

    private static void Write(string root, string relative, string content)
    {
        var path = Path.Combine(root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
    }
}
