using Scriban;
using Scriban.Runtime;

namespace CareFlows.Engine.Templates;

/// <summary>
/// How every CareFlows template runs, emails and customer pages alike: strict names, no file access (includes go
/// through the caller's own function), at most 1,000 loop iterations, 20 levels of recursion, 2 s and 512 KiB of
/// output, and in HTML every <c>{{ expression }}</c> escaped.
/// </summary>
public static class TemplateSandbox
{
    public const int MaxOutputChars = 512 * 1024;
    public static readonly TimeSpan RenderTimeout = TimeSpan.FromSeconds(2);

    /// <summary>Renders <paramref name="template"/> over the given globals (pushed in order; later ones win).</summary>
    public static string Render(Template template, bool html, params ScriptObject[] globals)
    {
        using var timeout = new CancellationTokenSource(RenderTimeout);
        var context = html ? new HtmlTemplateContext(SharedBuiltins.Instance) : new TemplateContext(SharedBuiltins.Instance);
        // Strict variables only covers top-level names; strict member access also turns customer.frist_name
        // into an error instead of an empty string. A member that exists but is null still reads as false.
        context.StrictVariables = true;
        context.EnableRelaxedMemberAccess = false;
        context.LoopLimit = 1_000;
        context.RecursiveLimit = 20;
        // Scriban 7.5 applies LimitToString to the whole output too, and truncates silently: a long order would lose its
        // footer and unsubscribe link. One character over our own limit lets the check below see the overflow.
        context.LimitToString = MaxOutputChars + 1;
        context.CancellationToken = timeout.Token;
        context.TemplateLoader = null; // the built-in include stays disabled
        foreach (var global in globals) context.PushGlobal(global);
        try
        {
            var output = template.Render(context);
            return output.Length <= MaxOutputChars ? output
                : throw new TemplateInvalidException([$"{template.SourceFilePath} : error : output exceeds {MaxOutputChars} characters"]);
        }
        catch (Scriban.Syntax.ScriptRuntimeException e)
        {
            throw new TemplateInvalidException([e.Message]);
        }
        catch (OperationCanceledException)
        {
            throw new TemplateInvalidException([$"{template.SourceFilePath} : error : rendering took longer than {RenderTimeout.TotalSeconds} s"]);
        }
    }
}
