using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using CareFlows.Engine.Activities;
using CareFlows.Engine.Expressions;
using CareFlows.Engine.Templates;
using CareFlows.Engine.Timing;

namespace CareFlows.Engine.Definitions;

/// <summary>Reads an activity's properties as their kinds demand, reporting each fault with its JSON path.</summary>
internal sealed class PropertyReader(JsonObject properties, string path, Action<string, string> fault, ValidationContext context)
{
    public void RejectUnknown(IReadOnlyList<PropertySpec> specs)
    {
        foreach (var (name, _) in properties)
            if (specs.All(s => s.Name != name))
                fault($"{path}.{name}", $"unknown property '{name}' (this activity has: {string.Join(", ", specs.Select(s => s.Name))})");
    }

    public string? Text(string name, bool required)
    {
        var node = properties[name];
        if (node is null || (node is JsonValue v && v.GetValueKind() == JsonValueKind.String && string.IsNullOrWhiteSpace(v.GetValue<string>())))
        {
            if (required) fault($"{path}.{name}", "is required");
            return null;
        }
        if (node is JsonValue value && value.GetValueKind() == JsonValueKind.String) return value.GetValue<string>().Trim();
        fault($"{path}.{name}", $"must be text, not {node.GetValueKind().ToString().ToLowerInvariant()}");
        return null;
    }

    public string? Choice(string name, IReadOnlyList<string> choices)
    {
        var text = Text(name, required: true);
        if (text is null || choices.Contains(text)) return text;
        fault($"{path}.{name}", $"'{text}' is not one of {string.Join(", ", choices)}");
        return null;
    }

    /// <summary>One of <paramref name="choices"/>, or <paramref name="fallback"/> when left out.</summary>
    public string? OptionalChoice(string name, IReadOnlyList<string> choices, string fallback) =>
        properties[name] is null ? fallback : Choice(name, choices);

    public void Fault(string name, string message) => fault($"{path}.{name}", message);

    public TimeSpan? Duration(string name, bool required)
    {
        var text = Text(name, required);
        if (text is null) return null;
        if (IsoDuration.TryParse(text, out var duration)) return duration;
        fault($"{path}.{name}", $"'{text}' is not an ISO-8601 duration such as PT2H or P3D");
        return null;
    }

    public TimeOnly? TimeOfDay(string name)
    {
        var text = Text(name, required: true);
        if (text is null) return null;
        if (TimeOnly.TryParseExact(text, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)) return time;
        fault($"{path}.{name}", $"'{text}' is not a time of day such as 09:00");
        return null;
    }

    public string? TimeZone(string name)
    {
        var text = Text(name, required: false);
        if (text is null || LocaleFormats.ZoneFor(text) is not null) return text;
        fault($"{path}.{name}", $"unknown time zone '{text}' (use an IANA name such as Europe/Berlin)");
        return null;
    }

    public string? Expression(string name, bool required)
    {
        var text = Text(name, required);
        if (text is null) return null;
        var faults = FlowExpressions.SyntaxFaults(text);
        if (faults.Count == 0 && context.SampleModel is { } sample)
        {
            try { FlowExpressions.IsTrue(text, sample); }
            catch (ExpressionException e) { faults = [e.Message]; }
        }
        foreach (var f in faults) fault($"{path}.{name}", $"'{text}': {f}");
        return faults.Count == 0 ? text : null;
    }

    public string? Template(string name)
    {
        var text = Text(name, required: true);
        if (text is null) return null;
        var faults = context.TemplateFaults(text);
        foreach (var f in faults) fault($"{path}.{name}", f);
        return faults.Count == 0 ? text : null;
    }

    public decimal? PositiveNumber(string name)
    {
        var node = properties[name];
        if (node is null) { fault($"{path}.{name}", "is required"); return null; }
        if (node is JsonValue value && value.GetValueKind() == JsonValueKind.Number && value.GetValue<decimal>() > 0) return value.GetValue<decimal>();
        fault($"{path}.{name}", "must be a number greater than 0");
        return null;
    }

    /// <summary>A whole score on the rating scale (1-5), or <paramref name="fallback"/> when left out.</summary>
    public int? Score(string name, int fallback)
    {
        var node = properties[name];
        if (node is null) return fallback;
        if (node is JsonValue value && value.GetValueKind() == JsonValueKind.Number && value.TryGetValue<int>(out var score)
            && score is >= FeedbackVocabulary.LowestScore and <= FeedbackVocabulary.HighestScore) return score;
        fault($"{path}.{name}", $"must be a whole score from {FeedbackVocabulary.LowestScore} to {FeedbackVocabulary.HighestScore}");
        return null;
    }

    public IReadOnlyList<SplitBranch>? Branches(string name)
    {
        if (properties[name] is not JsonArray array || array.Count < 2)
        {
            fault($"{path}.{name}", "must list at least two branches, each {\"name\": \"A\", \"weight\": 50}");
            return null;
        }
        var branches = new List<SplitBranch>();
        for (var i = 0; i < array.Count; i++)
        {
            var at = $"{path}.{name}[{i}]";
            var branchName = array[i]?["name"] is JsonValue n && n.GetValueKind() == JsonValueKind.String ? n.GetValue<string>().Trim() : "";
            var weight = array[i]?["weight"] is JsonValue w && w.GetValueKind() == JsonValueKind.Number && w.TryGetValue<int>(out var x) ? x : 0;
            if (branchName.Length == 0) fault($"{at}.name", "is required");
            else if (branches.Any(b => b.Name == branchName)) fault($"{at}.name", $"'{branchName}' is already a branch");
            if (weight <= 0) fault($"{at}.weight", "must be a whole number greater than 0");
            branches.Add(new SplitBranch(branchName, weight));
        }
        var total = branches.Sum(b => b.Weight);
        if (total != 100) fault($"{path}.{name}", $"weights add up to {total}, not 100");
        return branches;
    }
}
