using CareFlows.Engine.Definitions;
using CareFlows.Engine.Templates;
using CareFlows.Server.Definitions;
using CareFlows.Tests.Engine;
using CareFlows.Tests.Templates;

namespace CareFlows.Tests.Definitions;

public class PublishValidationTests
{
    private static readonly char Slash = Path.DirectorySeparatorChar;

    [Fact]
    public void a_flow_whose_template_does_not_parse_is_refused_with_the_templates_line_and_column()
    {
        using var folder = TemplateFolder.WithShippedLayouts();
        folder.WriteMessage("broken", "en", text: "Line one\n{{ for line in order.lines }}\n- {{ line.name }}\n");

        var fault = Faults(folder, "broken").ShouldHaveSingleItem();

        fault.Path.ShouldBe("$.activities[1].properties.template");
        fault.Message.ShouldStartWith($"template 'broken': broken{Slash}en{Slash}text.sbn(3,18) : error :");
        fault.Message.ShouldContain("The <end> statement was not found");
    }

    [Fact]
    public void a_fault_in_a_locale_the_sample_order_does_not_use_still_refuses_the_flow()
    {
        using var folder = TemplateFolder.WithShippedLayouts();
        folder.WriteMessage("thanks", "en");
        folder.WriteMessage("thanks", "fr", subject: "Merci {{ customer.prenom }}");

        Faults(folder, "thanks").ShouldHaveSingleItem().Message
            .ShouldStartWith($"template 'thanks': thanks{Slash}fr{Slash}subject.sbn(1,19) : error : 'prenom' is not a member of 'customer'");
    }

    private static IReadOnlyList<DefinitionFault> Faults(TemplateFolder folder, string template)
    {
        var catalog = new TemplateCatalog(folder.Root, "en");
        var validation = new DefinitionValidation(new TemplateChecker(catalog, new MessageRenderer(catalog, new ShopOptions())),
            new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build(), TimeProvider.System);
        var definition = DefinitionJson.Parse(TestFlows.Chain(("SendEmail", new { template, category = "service" }))).Definition!;
        return validation.Compile(definition).Faults;
    }
}
