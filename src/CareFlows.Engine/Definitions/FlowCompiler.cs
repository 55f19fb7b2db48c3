using System.Text.RegularExpressions;
using CareFlows.Engine.Activities;
using CareFlows.Engine.Timing;

namespace CareFlows.Engine.Definitions;

public sealed record CompileResult(CompiledFlow? Flow, IReadOnlyList<DefinitionFault> Faults)
{
    public bool IsValid => Flow is not null;
    public CompiledFlow Require() => Flow ?? throw new InvalidDefinitionException(Faults);
}

/// <summary>Validates a definition and, when it has no fault, compiles it. Every fault is reported, not just the first.</summary>
public static partial class FlowCompiler
{
    public static CompileResult Compile(FlowDefinition definition, ValidationContext context, JsonLineMap? lines = null, string? source = null)
    {
        var faults = new List<DefinitionFault>();
        void Fault(string path, string message) => faults.Add(new DefinitionFault(path, message, null, source));

        // Before anything that grows faster than the flow: a flow this large is refused on its size alone.
        if (definition.Activities.Count > context.MaxActivities || definition.Connections.Count > context.MaxActivities * 4)
        {
            Fault("$.activities", $"the flow has {definition.Activities.Count} activities and {definition.Connections.Count} connections; at most {context.MaxActivities} activities (Flows:MaxActivities) and four connections each are allowed");
            return new CompileResult(null, WithLines(faults, lines));
        }

        CheckHeader(definition, Fault);
        var activities = CompileActivities(definition, context, Fault);
        CheckFeedbackMessages(definition, activities, Fault);
        var next = CompileConnections(definition, activities, Fault);
        var triggers = activities.Values.OfType<Trigger>().ToList();
        if (triggers.Count != 1)
            Fault("$.activities", triggers.Count == 0 ? "the flow needs a trigger (OrderPlaced, OrderShipped or OrderDelivered)" : "the flow has more than one trigger");
        else if (faults.Count == 0)
            FlowGraph.Check(definition, triggers[0].Id, activities, next, Fault);

        return faults.Count == 0
            ? new CompileResult(new CompiledFlow(definition, triggers[0], activities, next), [])
            : new CompileResult(null, WithLines(faults, lines));
    }

    // Lines are looked up once, for the faulty paths only.
    private static IReadOnlyList<DefinitionFault> WithLines(List<DefinitionFault> faults, JsonLineMap? lines)
    {
        if (lines is null) return faults;
        var found = lines.LinesOf(faults.Select(f => f.Path).Distinct().ToList());
        return faults.Select(f => f with { Line = found.TryGetValue(f.Path, out var line) ? line : null }).ToList();
    }

    /// <summary>Parses and compiles a file's text; JSON faults and definition faults alike carry the file and line.</summary>
    public static CompileResult CompileJson(string json, ValidationContext context, string? source = null)
    {
        var parsed = DefinitionJson.Parse(json, source);
        return parsed.Definition is null ? new CompileResult(null, parsed.Faults) : Compile(parsed.Definition, context, parsed.Lines, source);
    }

    private static void CheckHeader(FlowDefinition d, Action<string, string> fault)
    {
        if (!SlugPattern().IsMatch(d.Id)) fault("$.id", $"'{d.Id}' is not a flow id (lower-case letters, digits and '-')");
        if (string.IsNullOrWhiteSpace(d.Name)) fault("$.name", "is required");
        if (d.Version < 1) fault("$.version", "must be 1 or more");
        for (var i = 0; i < d.ExitOn.Count; i++)
            if (!ActivityCatalog.ExitEvents.Contains(d.ExitOn[i]))
                fault($"$.exitOn[{i}]", $"'{d.ExitOn[i]}' is not one of {string.Join(", ", ActivityCatalog.ExitEvents)}");
        if (d.Entry?.OncePerCustomerWithinDays is < 1) fault("$.entry.oncePerCustomerWithinDays", "must be 1 or more");
    }

    private static Dictionary<string, Activity> CompileActivities(FlowDefinition d, ValidationContext context, Action<string, string> fault)
    {
        var compiled = new Dictionary<string, Activity>();
        for (var i = 0; i < d.Activities.Count; i++)
        {
            var a = d.Activities[i];
            var path = $"$.activities[{i}]";
            if (string.IsNullOrWhiteSpace(a.Id)) { fault($"{path}.id", "is required"); continue; }
            if (d.Activities.Take(i).Any(p => p.Id == a.Id)) { fault($"{path}.id", $"'{a.Id}' is used by another activity"); continue; }
            if (ActivityCatalog.Find(a.Type) is not { } type)
            {
                fault($"{path}.type", $"unknown activity type '{a.Type}' (known: {string.Join(", ", ActivityCatalog.All.Select(t => t.Name))})");
                continue;
            }
            var hadFault = false;
            var reader = new PropertyReader(a.Properties, $"{path}.properties", (p, m) => { hadFault = true; fault(p, m); }, context);
            reader.RejectUnknown(type.Properties);
            var activity = Build(a.Id, type, reader);
            if (!hadFault && activity is not null) compiled[a.Id] = activity;
        }
        return compiled;
    }

    private static Activity? Build(string id, ActivityType type, PropertyReader p) => type.Name switch
    {
        "OrderPlaced" or "OrderShipped" or "OrderDelivered" => new Trigger(id, type.Name, p.Expression("filter", required: false)),
        "SendEmail" => (p.Template("template"), p.Choice("category", ActivityCatalog.Categories), p.OptionalChoice("sender", ActivityCatalog.Senders, ActivityCatalog.FromShop),
                p.OptionalChoice("cap", ActivityCatalog.CapChoices, ActivityCatalog.CapApply)) is ({ } t, { } c, { } s, { } cap)
            ? new SendEmail(id, t, c, s, cap) : null,
        "Delay" => p.Duration("duration", required: true) is { } d ? new Delay(id, d) : null,
        "WaitForEvent" => p.Choice("event", ActivityCatalog.WaitableEvents) is { } e ? new WaitForEvent(id, e, p.Duration("timeout", required: false)) : null,
        "SendWindow" => (p.TimeOfDay("start"), p.TimeOfDay("end")) is ({ } s, { } en) ? new SendWindow(id, s, en, p.TimeZone("timeZone")) : null,
        "Condition" => p.Expression("expression", required: true) is { } x ? new Condition(id, x) : null,
        "RandomSplit" => p.Branches("branches") is { } b ? new RandomSplit(id, b) : null,
        "IssueDiscount" => (p.PositiveNumber("value"), p.Choice("kind", ["percent", "amount"]), p.Duration("validFor", required: true)) is ({ } v, { } k, { } f)
            ? new IssueDiscount(id, v, k, f, p.Text("prefix", required: false) ?? "CARE") : null,
        "WaitForFeedback" => WaitForFeedbackFrom(id, p),
        "NotifyTeam" => p.OptionalChoice("to", FeedbackVocabulary.Recipients, FeedbackVocabulary.ToOwner) is { } to ? new NotifyTeam(id, to, p.Text("note", required: false)) : null,
        "Exit" => new Exit(id, p.Text("reason", required: false) ?? "exit"),
        _ => null,
    };

    private static WaitForFeedback? WaitForFeedbackFrom(string id, PropertyReader p)
    {
        var message = p.Text("message", required: true);
        var unhappy = p.Score("unhappyAtMost", FeedbackVocabulary.DefaultUnhappyAtMost);
        var happy = p.Score("happyFrom", FeedbackVocabulary.DefaultHappyFrom);
        var timeout = p.Duration("timeout", required: false);
        if (unhappy is { } u && happy is { } h && u >= h)
        {
            p.Fault("happyFrom", $"must be above 'unhappy up to' ({u}), so that a score is either unhappy, neutral or happy");
            return null;
        }
        return message is null || unhappy is null || happy is null ? null : new WaitForFeedback(id, message, unhappy.Value, happy.Value, timeout);
    }

    // A WaitForFeedback names the email it waits on: it must be a SendEmail of this flow.
    private static void CheckFeedbackMessages(FlowDefinition d, IReadOnlyDictionary<string, Activity> activities, Action<string, string> fault)
    {
        for (var i = 0; i < d.Activities.Count; i++)
            if (activities.GetValueOrDefault(d.Activities[i].Id) is WaitForFeedback wait && activities.GetValueOrDefault(wait.Message) is not SendEmail)
                fault($"$.activities[{i}].properties.message", d.Activities.Any(a => a.Id == wait.Message)
                    ? $"'{wait.Message}' does not send an email; a rating or reply answers an email"
                    : $"no activity '{wait.Message}' in this flow");
    }

    private static Dictionary<(string, string), string> CompileConnections(FlowDefinition d, IReadOnlyDictionary<string, Activity> activities, Action<string, string> fault)
    {
        var next = new Dictionary<(string, string), string>();
        for (var i = 0; i < d.Connections.Count; i++)
        {
            var c = d.Connections[i];
            var path = $"$.connections[{i}]";
            var source = d.Activities.FirstOrDefault(a => a.Id == c.Source.Activity);
            var target = d.Activities.FirstOrDefault(a => a.Id == c.Target.Activity);
            if (source is null) fault($"{path}.source.activity", $"no activity '{c.Source.Activity}'");
            if (target is null) fault($"{path}.target.activity", $"no activity '{c.Target.Activity}'");
            if (source is null || target is null) continue;
            if (ActivityCatalog.Find(target.Type)?.IsTrigger == true) fault($"{path}.target.activity", $"'{target.Id}' is a trigger: nothing can lead into it");
            var port = c.Source.Port ?? "";
            var ports = activities.TryGetValue(source.Id, out var compiled) ? PortsOf(compiled) : ActivityCatalog.Find(source.Type)?.Ports ?? [];
            if (!ports.Contains(port))
            {
                fault($"{path}.source.port", ports.Count == 0 ? $"'{source.Id}' has no outgoing ports" : $"'{source.Id}' has no port '{port}' (it has: {string.Join(", ", ports)})");
                continue;
            }
            if (next.TryGetValue((source.Id, port), out var existing))
                fault(path, existing == target.Id ? $"duplicate of an earlier connection from {source.Id}.{port}" : $"{source.Id}.{port} already leads to '{existing}'; a port leads to one activity");
            else next[(source.Id, port)] = target.Id;
        }
        return next;
    }

    public static IReadOnlyList<string> PortsOf(Activity activity) => activity switch
    {
        RandomSplit split => split.Branches.Select(b => b.Name).ToList(),
        _ => ActivityCatalog.All.First(t => t.Name == TypeName(activity)).Ports,
    };

    private static string TypeName(Activity activity) => activity is Trigger t ? t.Event : activity.GetType().Name;

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,62}$")]
    private static partial Regex SlugPattern();
}
