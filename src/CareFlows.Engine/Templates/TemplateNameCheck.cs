using System.Collections;
using Scriban;
using Scriban.Runtime;
using Scriban.Syntax;

namespace CareFlows.Engine.Templates;

/// <summary>
/// Finds every name a template reads that its model does not have, in every branch. Rendering with strict variables
/// catches only the names on the path a sample order takes: <c>{{ if order.total > 500 }}{{ custmer.first_name }}{{ end }}</c>
/// renders fine for a small sample order, and fails for the first real customer who spends more.
/// </summary>
internal sealed class TemplateNameCheck
{
    private static readonly HashSet<string> Builtins = [.. SharedBuiltins.Instance.Keys];
    private static readonly HashSet<string> LoopVariables = ["for", "while", "tablerow"];

    private readonly ScriptObject _model;
    private readonly string _file;
    // Names the template assigns or loops over, with the shape of their value where known (null: not checked further).
    private readonly Dictionary<string, object?> _locals = [];
    private readonly List<string> _faults = [];
    private int _loopDepth;

    private TemplateNameCheck(ScriptObject model, string file)
    {
        _model = model;
        _file = file;
    }

    /// <summary>Each fault as "file(line,column) : error : text", like Scriban's own.</summary>
    public static IReadOnlyList<string> Check(Template template, ScriptObject model)
    {
        var check = new TemplateNameCheck(model, template.SourceFilePath ?? "template");
        check.Visit(template.Page);
        return check._faults;
    }

    private void Visit(ScriptNode? node)
    {
        switch (node)
        {
            case null:
                return;
            case ScriptFunction:
                return; // a template's own function has parameters of its own; none of ours defines one
            case ScriptForStatement loop:
                VisitLoop(loop);
                return;
            case ScriptWhileStatement loop:
                _loopDepth++;
                VisitChildren(loop);
                _loopDepth--;
                return;
            case ScriptAssignExpression assign:
                Visit(assign.Value);
                Bind(assign.Target, shape: null);
                return;
            case ScriptCaptureStatement capture:
                Visit(capture.Body);
                Bind(capture.Target, shape: null);
                return;
            case ScriptVariableGlobal or ScriptMemberExpression or ScriptIndexerExpression:
                Resolve((ScriptExpression)node);
                return;
            default:
                VisitChildren(node);
                return;
        }
    }

    private void VisitChildren(ScriptNode node)
    {
        foreach (var child in node.Children) Visit(child);
    }

    private void VisitLoop(ScriptForStatement loop)
    {
        var (_, items) = Resolve(loop.Iterator);
        var name = (loop.Variable as ScriptVariable)?.Name;
        var hadBefore = name is not null && _locals.TryGetValue(name, out var before);
        Bind(loop.Variable, items is IList { Count: > 0 } list ? list[0] : null);
        _loopDepth++;
        Visit(loop.Body);
        _loopDepth--;
        if (name is not null && !hadBefore) _locals.Remove(name);
        Visit(loop.Else);
    }

    private void Bind(ScriptExpression? target, object? shape)
    {
        if (target is ScriptVariable variable) _locals[variable.Name] = shape;
        else Visit(target);
    }

    /// <summary>Whether an expression names something that exists, and the shape of its value where it is known.</summary>
    private (bool Known, object? Shape) Resolve(ScriptExpression? expression)
    {
        switch (expression)
        {
            case ScriptVariableGlobal variable:
                return ResolveName(variable);
            case ScriptMemberExpression member:
                var (known, shape) = Resolve(member.Target);
                if (!known || shape is not ScriptObject members || member.Member is not { } name) return (known, null);
                if (members.TryGetValue(name.Name, out var value)) return (true, value);
                Fault(name, $"'{name.Name}' is not a member of '{member.Target}' (it has: {string.Join(", ", members.Keys.Order())})");
                return (false, null);
            case ScriptIndexerExpression indexer:
                Visit(indexer.Index);
                var (listKnown, items) = Resolve(indexer.Target);
                return (listKnown, items is IList { Count: > 0 } list ? list[0] : null);
            default:
                Visit(expression);
                return (true, null);
        }
    }

    private (bool Known, object? Shape) ResolveName(ScriptVariableGlobal variable)
    {
        if (_locals.TryGetValue(variable.Name, out var local)) return (true, local);
        if (_model.TryGetValue(variable.Name, out var value)) return (true, value);
        if (Builtins.Contains(variable.Name) || (_loopDepth > 0 && LoopVariables.Contains(variable.Name))) return (true, null);
        Fault(variable, $"'{variable.Name}' is not something a template can read (it can read: {string.Join(", ", _model.Keys.Order())})");
        return (false, null);
    }

    private void Fault(ScriptNode at, string text) =>
        _faults.Add($"{_file}({at.Span.Start.Line + 1},{at.Span.Start.Column + 1}) : error : {text}");
}
