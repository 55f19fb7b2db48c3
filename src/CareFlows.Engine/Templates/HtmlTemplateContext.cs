using System.Text;
using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;

namespace CareFlows.Engine.Templates;

/// <summary>Markup that is already safe (a rendered partial, the body placed into the layout): written as it is.</summary>
public sealed record RawHtml(string Html)
{
    public override string ToString() => Html;
}

/// <summary>
/// Scriban writes every <c>{{ expression }}</c> through this overload and the template's own text through
/// another, so escaping here makes values from orders and customers safe by default while the markup stays.
/// </summary>
internal sealed class HtmlTemplateContext(ScriptObject builtins) : TemplateContext(builtins)
{
    public override TemplateContext Write(SourceSpan span, object? textAsObject) => textAsObject switch
    {
        null => base.Write(span, textAsObject),
        RawHtml raw => base.Write(span, raw.Html),
        _ => base.Write(span, Escape(ObjectToString(textAsObject) ?? "")),
    };

    public override ValueTask<TemplateContext> WriteAsync(SourceSpan span, object? textAsObject) => new(Write(span, textAsObject));

    /// <summary>
    /// The five characters that end text or a quoted attribute. Everything else stays as it is: emails are UTF-8,
    /// and "£" or "ü" written as numeric entities only bloat them.
    /// </summary>
    public static string Escape(string text)
    {
        if (text.AsSpan().IndexOfAny("&<>\"'") < 0) return text;
        var escaped = new StringBuilder(text.Length + 16);
        foreach (var c in text)
            escaped.Append(c switch { '&' => "&amp;", '<' => "&lt;", '>' => "&gt;", '"' => "&quot;", '\'' => "&#39;", _ => c.ToString() });
        return escaped.ToString();
    }
}
