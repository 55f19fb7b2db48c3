using System.Text.Json;
using CareFlows.Engine.Templates;

namespace CareFlows.Tests.Templates;

/// <summary>The customer pages in templates/_pages: every locale has every word, and values are escaped.</summary>
public class CustomerPageTests
{
    private static readonly string Root = TestData.RepositoryFolder("templates");
    private static readonly ShopOptions Shop = new() { Name = "Teashop <&>", SupportEmail = "help@tea.example", Address = "1 High St" };
    private readonly PageRenderer _pages = new(new TemplateCatalog(Root, "en"), Shop);

    private static Dictionary<string, string> Texts(string locale) =>
        JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(Path.Combine(Root, "_pages", "texts", $"{locale}.json")))!;

    [Theory]
    [InlineData("de")]
    [InlineData("fr")]
    public void every_word_of_the_english_pages_exists_in_each_language(string locale) =>
        Texts(locale).Keys.Order().ShouldBe(Texts("en").Keys.Order());

    [Theory]
    [InlineData("en-GB", "en", "Your email preferences", "Save my choices")]
    [InlineData("de-AT", "de", "Ihre E-Mail-Einstellungen", "Auswahl speichern")]
    [InlineData("fr", "fr", "Vos préférences d’e-mail", "Enregistrer mes choix")]
    [InlineData("ja", "en", "Your email preferences", "Save my choices")]
    public void the_preference_page_speaks_the_customers_language(string locale, string lang, string title, string button)
    {
        var html = _pages.Render("preferences", locale, _pages.Text(locale, "preferences_title"), Model(email: "ada@example.com"));
        html.ShouldContain($"<html lang=\"{lang}\">");
        html.ShouldContain($"<h1>{title}</h1>");
        html.ShouldContain(button);
    }

    [Fact]
    public void values_on_a_page_are_escaped()
    {
        var html = _pages.Render("preferences", "en", "Your <b>prefs</b>", Model(email: "\"><script>alert(1)</script>@x.example"));
        html.ShouldNotContain("<script>alert(1)</script>");
        html.ShouldContain("&quot;&gt;&lt;script&gt;");
        html.ShouldContain("Teashop &lt;&amp;&gt;");
        html.ShouldContain("<h1>Your &lt;b&gt;prefs&lt;/b&gt;</h1>");
    }

    [Fact]
    public void placeholders_are_filled_with_the_shops_details() =>
        _pages.Text("de", "link_invalid_text").ShouldContain("schreiben Sie an help@tea.example");

    private static Dictionary<string, object?> Model(string email) => new()
    {
        ["token"] = "t.k",
        ["email"] = email,
        ["notice"] = "",
        ["choices"] = new List<Dictionary<string, object?>>
        {
            new() { ["key"] = "service", ["label"] = "Service", ["hint"] = "h", ["checked"] = true, ["awaiting"] = false },
        },
    };
}

public class PageCheckerTests
{
    [Fact]
    public void the_shipped_pages_have_no_faults() =>
        new PageChecker(new TemplateCatalog(TestData.RepositoryFolder("templates"), "en")).Check().ShouldBeEmpty();

    [Fact]
    public void a_language_that_lacks_a_word_and_a_page_that_does_not_render_are_named()
    {
        using var folder = new TemplateFolder();
        folder.Write("_pages/layout.sbn", "<html lang=\"{{ lang }}\">{{ content }}</html>");
        folder.Write("_pages/message.sbn", "<p>{{ page.text }} {{ page.nonsense }}</p>");
        folder.Write("_pages/texts/en.json", "{\"save\": \"Save\", \"cancel\": \"Cancel\"}");
        folder.Write("_pages/texts/de.json", "{\"save\": \"Speichern\"}");

        var faults = new PageChecker(new TemplateCatalog(folder.Root, "en")).Check();

        faults.ShouldContain("_pages/texts/de.json : error : lacks cancel (English has them)");
        faults.ShouldContain(f => f.Contains("message.sbn") && f.Contains("nonsense"));
    }
}
