using CareFlows.Engine.Templates;

namespace CareFlows.Tests.Templates;

public class MessageRendererTests
{
    private static MessageRenderer RendererFor(string templatesRoot) =>
        new(new TemplateCatalog(templatesRoot, "en"), new ShopOptions { Name = "Teashop", Address = "1 High St" });

    private readonly MessageRenderer _shipped = RendererFor(TestData.RepositoryFolder("templates"));

    [Fact]
    public void the_confirmation_shows_name_order_number_lines_and_total()
    {
        var email = _shipped.Render("order-confirmation", TestData.Order());

        email.Subject.ShouldBe("Your order #1001 is confirmed");
        email.Text.ShouldContain("Thank you, Ada!");
        email.Text.ShouldContain("2 x Stoneware mug: £29.00");
        email.Text.ShouldContain("Total: £29.00");
        email.Html.ShouldContain("<strong>#1001</strong>");
        email.Html.ShouldContain("Teashop");
    }

    [Fact]
    public void values_from_the_order_are_escaped_in_html_but_not_in_text()
    {
        var email = _shipped.Render("order-confirmation", TestData.Order(firstName: "<script>alert(1)</script>"));

        email.Html.ShouldContain("Thank you, &lt;script&gt;alert(1)&lt;/script&gt;!");
        email.Html.ShouldNotContain("<script>");
        email.Text.ShouldContain("Thank you, <script>alert(1)</script>!");
    }

    [Fact]
    public void partials_and_layout_markup_are_not_escaped()
    {
        var email = _shipped.Render("order-confirmation", TestData.Order());
        email.Html.ShouldStartWith("<!DOCTYPE html>");
        email.Html.ShouldContain("<a href=\"mailto:");
        email.Html.ShouldNotContain("&lt;p");
    }

    [Fact]
    public void a_regional_locale_gets_its_languages_template() =>
        _shipped.Render("order-confirmation", TestData.Order(locale: "de-AT", currency: "EUR")).Subject.ShouldBe("Ihre Bestellung #1001 ist bestätigt");

    [Fact]
    public void a_locale_without_templates_falls_back_to_english() =>
        _shipped.Render("order-confirmation", TestData.Order(locale: "ja-JP")).Subject.ShouldBe("Your order #1001 is confirmed");

    [Fact]
    public void a_template_cannot_change_the_built_in_functions_the_next_template_renders_with()
    {
        using var folder = TemplateFolder.WithShippedLayouts();
        folder.WriteMessage("meddling", "en", subject: "{{ date.format = '%Y' }}{{ date.format }}");
        folder.WriteMessage("dated", "en", subject: "{{ date.format }} {{ 'tea' | string.upcase }}");
        var renderer = RendererFor(folder.Root);

        var error = Should.Throw<TemplateInvalidException>(() => renderer.Render("meddling", TestData.Order()));

        error.Errors[0].ShouldContain("readonly");
        renderer.Render("dated", TestData.Order()).Subject.ShouldBe("%d %b %Y TEA");
    }

    [Fact]
    public void a_syntax_error_is_reported_with_file_line_and_column()
    {
        using var folder = new TemplateFolder();
        folder.Write("broken/en/subject.sbn", "Hello\n{{ if }}");
        var error = Should.Throw<TemplateInvalidException>(() => RendererFor(folder.Root).Render("broken", TestData.Order()));
        error.Errors[0].ShouldStartWith($"broken{Path.DirectorySeparatorChar}en{Path.DirectorySeparatorChar}subject.sbn(2,");
    }

    [Fact]
    public void a_variable_the_model_does_not_have_is_reported()
    {
        using var folder = new TemplateFolder();
        folder.Write("typo/en/subject.sbn", "Hi {{ customer.frist_name }}");
        Should.Throw<TemplateInvalidException>(() => RendererFor(folder.Root).Render("typo", TestData.Order()))
            .Message.ShouldContain("frist_name");
    }

    [Fact]
    public void a_template_name_cannot_reach_outside_the_templates_folder() =>
        Should.Throw<TemplateNotFoundException>(() => _shipped.Render("../secrets", TestData.Order()));

    [Fact]
    public void a_500_line_order_keeps_its_footer_and_both_links()
    {
        var order = TestData.Order() with
        {
            Lines = Enumerable.Range(1, 500).Select(i => new CareFlows.Contracts.Orders.OrderLine { Sku = $"SKU-{i}", Name = $"Hand-thrown stoneware mug number {i}", Quantity = 1, UnitPrice = 9.5m }).ToList(),
            Total = 4750m,
        };
        var links = new MessageLinks("https://care.example/preferences?token=p", "https://care.example/unsubscribe?token=u");

        var email = _shipped.Render("order-confirmation", order, links: links);

        email.Html.Length.ShouldBeGreaterThan(10_000);
        foreach (var body in new[] { email.Html, email.Text })
        {
            body.ShouldContain("Hand-thrown stoneware mug number 500");
            body.ShouldContain("https://care.example/preferences?token=p");
            body.ShouldContain("https://care.example/unsubscribe?token=u");
            body.ShouldContain("1 High St"); // the shop's postal address, in the footer
        }
    }

    [Fact]
    public void output_over_the_limit_is_an_error_never_a_silent_truncation()
    {
        using var folder = new TemplateFolder();
        folder.Write("huge/en/subject.sbn", "Hi");
        folder.Write("huge/en/text.sbn", "{{ for i in 1..900 }}{{ '" + new string('x', 600) + "' }}{{ end }}");
        folder.Write("huge/en/html.sbn", "<p>hi</p>");
        folder.Write("_layout/text.sbn", "{{ content }}");
        folder.Write("_layout/html.sbn", "{{ content }}");
        Should.Throw<TemplateInvalidException>(() => RendererFor(folder.Root).Render("huge", TestData.Order())).Message.ShouldContain("output exceeds");
    }

    [Theory]
    [InlineData("../surprise-discount/en")]
    [InlineData("/etc")]
    [InlineData("en/../../reassurance/en")]
    public void a_locale_that_is_not_a_language_tag_never_picks_another_folder(string locale) =>
        _shipped.Render("order-confirmation", TestData.Order(locale: locale)).Subject.ShouldBe("Your order #1001 is confirmed");

    [Theory]
    [InlineData("de", true)]
    [InlineData("de-AT", true)]
    [InlineData("pt_BR", true)]
    [InlineData("zh-Hant-TW", true)]
    [InlineData("../x", false)]
    [InlineData("en/", false)]
    [InlineData("", false)]
    [InlineData("English", false)]
    public void locales_are_language_tags(string locale, bool valid) => LanguageTags.IsValid(locale).ShouldBe(valid);

    [Theory]
    [InlineData("en-GB", "Thank you!")]
    [InlineData("de", "Vielen Dank!")]
    [InlineData("fr", "Merci !")]
    public void an_order_without_a_first_name_is_thanked_without_an_empty_name(string locale, string thanks)
    {
        var order = TestData.Order(locale: locale, currency: "EUR");
        var email = _shipped.Render("order-confirmation", order with { Customer = order.Customer with { FirstName = null! } });
        email.Text.ShouldStartWith(thanks);
        email.Html.ShouldContain(thanks);
    }

    [Fact]
    public void the_plain_text_confirmation_keeps_a_blank_line_between_the_lines_and_the_total()
    {
        var text = _shipped.Render("order-confirmation", TestData.Order()).Text;
        text.ShouldContain("2 x Stoneware mug: £29.00\n\nTotal: £29.00");
    }
}
