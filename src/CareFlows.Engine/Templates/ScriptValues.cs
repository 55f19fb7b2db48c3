using Scriban.Runtime;

namespace CareFlows.Engine.Templates;

public static class ScriptValues
{
    /// <summary>Flow data as Scriban objects, nested dictionaries included, so data.discount.code reads like any other member.</summary>
    public static ScriptObject From(IReadOnlyDictionary<string, object?>? data)
    {
        var result = new ScriptObject();
        foreach (var (key, value) in data ?? new Dictionary<string, object?>())
            result[key] = value is IReadOnlyDictionary<string, object?> nested ? From(nested) : value;
        return result;
    }
}
