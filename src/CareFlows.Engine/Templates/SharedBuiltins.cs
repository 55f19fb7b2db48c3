using Scriban;
using Scriban.Runtime;

namespace CareFlows.Engine.Templates;

/// <summary>
/// Scriban's built-in functions (<c>string</c>, <c>date</c>, <c>array</c> …), built once and read-only. A
/// <see cref="TemplateContext"/> made without them builds its own by reflection, about 0.1 ms each, and a message takes
/// several contexts (subject, bodies, layout, partials), a flow condition one more. They also hold settings a template
/// can assign (<c>date.format = …</c>); shared, that would let one template change what every later one renders, so
/// they are frozen, and such an assignment is a render error instead.
/// </summary>
public static class SharedBuiltins
{
    public static ScriptObject Instance { get; } = Frozen(new TemplateContext().BuiltinObject);

    private static ScriptObject Frozen(ScriptObject builtins)
    {
        foreach (var value in builtins.Values)
            if (value is ScriptObject { IsReadOnly: false } inner) Frozen(inner);
        builtins.IsReadOnly = true;
        return builtins;
    }
}
