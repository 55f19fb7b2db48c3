using CareFlows.Engine.Templates;

namespace CareFlows.Tests.Templates;

public class TemplateCheckerTests
{
    private static readonly char Slash = Path.DirectorySeparatorChar;
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    private static TemplateChecker CheckerFor(string root)
    {
        var catalog = new TemplateCatalog(root, "en");
        return new TemplateChecker(catalog, new MessageRenderer(catalog, new ShopOptions()));
    }

    [Fact]
    public void the_shipped_templates_have_no_faults() =>
        CheckerFor(TestData.RepositoryFolder("templates")).CheckAll(Now).ShouldBeEmpty();

    [Fact]
    public void an_unknown_variable_in_a_branch_the_sample_order_does_not_take_is_reported_with_line_and_column()
    {
        using var folder = TemplateFolder.WithShippedLayouts();
        folder.WriteMessage("vip", "en", text: "Hello\n{{ if order.total > 1000000 }}\nDear {{ custmer.first_name }}\n{{ end }}");

        CheckerFor(folder.Root).Check("vip", Now).ShouldBe(
        [
            $"vip{Slash}en{Slash}text.sbn(3,9) : error : 'custmer' is not something a template can read (it can read: customer, data, feedback, links, local_date, money, order, owner, shop)",
        ]);
    }

    [Fact]
    public void an_unknown_member_names_what_the_object_has()
    {
        using var folder = TemplateFolder.WithShippedLayouts();
        folder.WriteMessage("typo", "en", subject: "{{ if false }}{{ shop.phone }}{{ end }}Hi");

        CheckerFor(folder.Root).Check("typo", Now).ShouldHaveSingleItem()
            .ShouldEndWith("'phone' is not a member of 'shop' (it has: address, logo_url, name, primary_color, support_email, support_phone, website_url)");
    }

    [Fact]
    public void loop_variables_assignments_and_builtins_are_known()
    {
        using var folder = TemplateFolder.WithShippedLayouts();
        folder.WriteMessage("lines", "en", text: """
            {{ count = 0 }}
            {{ for line in order.lines }}{{ count = count + line.quantity }}{{ line.name | string.upcase }} {{ for.index }}: {{ money line.line_total }}{{ end }}
            {{ order.lines[0].sku }} {{ count }} {{ local_date order.placed_at }} {{ data.discount.code }}
            """);

        CheckerFor(folder.Root).Check("lines", Now).ShouldBeEmpty();
    }

    [Fact]
    public void a_member_of_a_loop_variable_is_checked_against_the_items_it_loops_over()
    {
        using var folder = TemplateFolder.WithShippedLayouts();
        folder.WriteMessage("lines", "en", text: "{{ for line in order.lines }}{{ line.price }}{{ end }}");

        CheckerFor(folder.Root).Check("lines", Now).ShouldHaveSingleItem().ShouldContain("'price' is not a member of 'line'");
    }

    [Fact]
    public void every_locale_is_checked_and_a_syntax_error_names_its_file()
    {
        using var folder = TemplateFolder.WithShippedLayouts();
        folder.WriteMessage("hello", "en");
        folder.WriteMessage("hello", "de", html: "<p>{{ if }}</p>");

        var faults = CheckerFor(folder.Root).Check("hello", Now);

        faults.ShouldNotBeEmpty();
        faults.ShouldAllBe(f => f.StartsWith($"hello{Slash}de{Slash}html.sbn(1,") && f.Contains("if statement"));
    }
}
