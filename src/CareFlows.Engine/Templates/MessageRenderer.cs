using CareFlows.Contracts.Orders;
using Scriban;
using Scriban.Runtime;

namespace CareFlows.Engine.Templates;

/// <summary>A rendered message, with the locale its templates came from and their version.</summary>
public sealed record RenderedEmail(string Subject, string Html, string Text, string Locale = "", string Version = "");

/// <summary>
/// Renders a message's subject, HTML and text parts inside the shared layout. Templates run sandboxed:
/// no file access but the partials folder, strict variables, and limits on loops, recursion, time and size.
/// </summary>
public sealed class MessageRenderer(TemplateCatalog catalog, ShopOptions shop)
{

    public RenderedEmail Render(string template, OrderPlaced order, IReadOnlyDictionary<string, object?>? data = null, MessageLinks? links = null,
        IReadOnlyDictionary<string, object?>? feedback = null, Person? owner = null)
    {
        var locale = LocaleOf(order);
        var model = Model(order, data, links ?? MessageLinks.Sample, feedback, owner);

        var subject = Run(catalog.Message(template, locale, TemplatePart.Subject), model, html: false);
        var text = Run(catalog.Message(template, locale, TemplatePart.Text), model, html: false);
        var html = Run(catalog.Message(template, locale, TemplatePart.Html), model, html: true);
        var (resolvedLocale, version) = catalog.Identify(template, locale);
        return new RenderedEmail(
            Subject: string.Join(' ', subject.Split((char[])['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)),
            Html: Run(catalog.Layout(TemplatePart.Html), With(model, new RawHtml(html)), html: true),
            Text: Run(catalog.Layout(TemplatePart.Text), With(model, text), html: false),
            Locale: resolvedLocale,
            Version: version);
    }

    /// <summary>
    /// The names a message's parts, the layouts and the partials read that the model lacks, in any branch,
    /// as "file(line,column) : error : text". A syntax error throws <see cref="TemplateInvalidException"/>.
    /// </summary>
    public IReadOnlyList<string> UnknownNames(string template, OrderPlaced order, IReadOnlyDictionary<string, object?>? data)
    {
        var model = Model(order, data, MessageLinks.Sample);
        var inLayout = With(model, "");
        var locale = LocaleOf(order);
        return Enum.GetValues<TemplatePart>().SelectMany(part => TemplateNameCheck.Check(catalog.Message(template, locale, part), model))
            .Concat(new[] { TemplatePart.Html, TemplatePart.Text }.SelectMany(part => TemplateNameCheck.Check(catalog.Layout(part), inLayout)))
            .Concat(catalog.PartialNames().SelectMany(name => TemplateNameCheck.Check(catalog.Partial(name), model)))
            .ToList();
    }

    private string LocaleOf(OrderPlaced order) => string.IsNullOrWhiteSpace(order.Customer.Locale) ? shop.DefaultLocale : order.Customer.Locale;

    private ScriptObject Model(OrderPlaced order, IReadOnlyDictionary<string, object?>? data, MessageLinks links,
        IReadOnlyDictionary<string, object?>? feedback = null, Person? owner = null) =>
        MessageModel.For(order, shop, new LocaleFormats(LocaleOf(order), order.Currency, order.Customer.TimeZone, shop.DefaultTimeZone), data, links, feedback, owner);

    private static ScriptObject With(ScriptObject model, object content)
    {
        var withContent = (ScriptObject)model.Clone(deep: false);
        withContent["content"] = content;
        return withContent;
    }

    private string Run(Template template, ScriptObject model, bool html) => TemplateSandbox.Render(template, html, model, Partials(model, html));

    // The built-in include returns a string, which an HTML context would then escape a second time:
    // this one renders the partial with the same model and hands back already-safe markup.
    private ScriptObject Partials(ScriptObject model, bool html)
    {
        var functions = new ScriptObject();
        functions.Import("include", new Func<string, object>(name =>
        {
            var rendered = Run(catalog.Partial(name), model, html);
            return html ? new RawHtml(rendered) : rendered;
        }));
        return functions;
    }
}
