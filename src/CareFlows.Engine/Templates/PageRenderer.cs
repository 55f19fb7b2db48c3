using Scriban.Runtime;

namespace CareFlows.Engine.Templates;

/// <summary>
/// The customer's pages (preferences, confirmation, the answers after a click), rendered from <c>templates/_pages/</c>
/// in the customer's language, in the same sandbox as emails: every value escaped, nothing read but the templates.
/// A page's markup is shared by all locales; its words come from <c>_pages/texts/{locale}.json</c>.
/// </summary>
public sealed class PageRenderer(TemplateCatalog catalog, ShopOptions shop)
{
    /// <summary>A page word, with <c>{shop}</c> and <c>{support}</c> filled in, and any other placeholders given.</summary>
    public string Text(string locale, string key, params (string Name, string Value)[] values)
    {
        var (_, texts) = catalog.PageTexts(locale);
        var text = texts.TryGetValue(key, out var found) ? found : key;
        text = text.Replace("{shop}", shop.Name).Replace("{support}", shop.SupportEmail);
        foreach (var (name, value) in values) text = text.Replace($"{{{name}}}", value);
        return text;
    }

    /// <summary>Renders <c>_pages/{page}.sbn</c> with <paramref name="model"/> as <c>page</c>, inside <c>_pages/layout.sbn</c>.</summary>
    public string Render(string page, string locale, string title, IReadOnlyDictionary<string, object?> model)
    {
        var (language, texts) = catalog.PageTexts(locale);
        var t = new ScriptObject();
        foreach (var (key, value) in texts) t[key] = value;
        var pageObject = new ScriptObject { ["title"] = title };
        foreach (var (key, value) in model) pageObject[key] = value;
        var root = new ScriptObject
        {
            ["lang"] = language,
            ["t"] = t,
            ["page"] = pageObject,
            ["shop"] = new ScriptObject
            {
                ["name"] = shop.Name, ["website_url"] = shop.WebsiteUrl, ["logo_url"] = shop.LogoUrl, ["primary_color"] = shop.PrimaryColor,
                ["support_email"] = shop.SupportEmail, ["support_phone"] = shop.SupportPhone, ["address"] = shop.Address,
            },
        };
        var body = TemplateSandbox.Render(catalog.Page(page), html: true, root);
        var withBody = new ScriptObject { ["content"] = new RawHtml(body) };
        return TemplateSandbox.Render(catalog.Page("layout"), html: true, root, withBody);
    }
}
