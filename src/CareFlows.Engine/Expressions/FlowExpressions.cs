using System.Collections.Concurrent;
using CareFlows.Engine.Templates;
using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;

namespace CareFlows.Engine.Expressions;

/// <summary>
/// Conditions and trigger filters in Scriban's expression syntax (order.total >= 50 and customer.is_first_order).
/// One expression, no statements; unknown names are errors, not silent nulls.
/// </summary>
public static class FlowExpressions
{
    /// <summary>Parsed expressions kept at most; a flow has a handful, so this bounds a marketer typing (or an attacker sending) new ones.</summary>
    public const int CacheLimit = 2_000;
    /// <summary>An expression is a comparison or two: one that takes this long is a runaway, not a condition.</summary>
    public static readonly TimeSpan EvaluationLimit = TimeSpan.FromMilliseconds(250);

    private static readonly ConcurrentDictionary<string, Template> Parsed = new();

    /// <summary>Syntax faults, each with its column; empty when the text is a single valid expression.</summary>
    public static IReadOnlyList<string> SyntaxFaults(string expression)
    {
        if (string.IsNullOrWhiteSpace(expression)) return ["the expression is empty"];
        var template = Template.Parse(expression, lexerOptions: new LexerOptions { Mode = ScriptMode.ScriptOnly });
        if (template.HasErrors) return template.Messages.Select(m => $"column {m.Span.Start.Column + 1}: {m.Message}").ToList();
        var statements = template.Page?.Body?.Statements;
        return statements is { Count: 1 } && statements[0] is ScriptExpressionStatement { Expression: not ScriptAssignExpression }
            ? []
            : ["must be a single expression, such as order.total >= 50"];
    }

    /// <summary>Evaluates to true or false; throws <see cref="ExpressionException"/> on a fault (an unknown name, a type error).</summary>
    public static bool IsTrue(string expression, ScriptObject model)
    {
        if (!Parsed.TryGetValue(expression, out var template))
        {
            // Cleared rather than evicted one by one: refilling costs a parse per expression, and only a flood gets here.
            if (Parsed.Count >= CacheLimit) Parsed.Clear();
            template = Parsed.GetOrAdd(expression, e => Template.Parse(e, lexerOptions: new LexerOptions { Mode = ScriptMode.ScriptOnly }));
        }
        if (template.HasErrors) throw new ExpressionException(string.Join("; ", template.Messages.Select(m => m.Message)));
        using var timeout = new CancellationTokenSource(EvaluationLimit);
        var context = new TemplateContext(SharedBuiltins.Instance)
        {
            StrictVariables = true, EnableRelaxedMemberAccess = false, LoopLimit = 100, RecursiveLimit = 20,
            LimitToString = 10_000, CancellationToken = timeout.Token,
        };
        context.PushGlobal(model);
        try { return Truthy(template.Evaluate(context)); }
        catch (ScriptRuntimeException e) { throw new ExpressionException(e.OriginalMessage); }
        catch (OperationCanceledException) { throw new ExpressionException($"the expression took longer than {EvaluationLimit.TotalMilliseconds} ms"); }
    }

    /// <summary>How many parsed expressions are cached now.</summary>
    public static int CachedCount => Parsed.Count;

    private static bool Truthy(object? value) => value switch
    {
        null => false,
        bool b => b,
        string s => s.Length > 0,
        int i => i != 0,
        long l => l != 0,
        decimal d => d != 0,
        double d => d != 0,
        _ => true,
    };
}

public sealed class ExpressionException(string message) : Exception(message);
