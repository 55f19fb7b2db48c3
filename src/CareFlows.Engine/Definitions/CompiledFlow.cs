using CareFlows.Engine.Activities;

namespace CareFlows.Engine.Definitions;

/// <summary>A definition that passed validation, ready to run: typed activities and where each port leads.</summary>
public sealed class CompiledFlow(FlowDefinition definition, Trigger trigger, IReadOnlyDictionary<string, Activity> activities,
    IReadOnlyDictionary<(string Activity, string Port), string> next)
{
    public FlowDefinition Definition { get; } = definition;
    public string Id => Definition.Id;
    public int Version => Definition.Version;
    public Trigger Trigger { get; } = trigger;
    public IReadOnlyList<string> ExitOn => Definition.ExitOn;

    public Activity this[string activityId] => activities[activityId];

    /// <summary>Whether any WaitForEvent of the flow waits for <paramref name="eventName"/>: only such instances are told of it.</summary>
    public bool WaitsFor(string eventName) => activities.Values.Any(a => a is WaitForEvent w && w.Event == eventName);

    /// <summary>The activity a port leads to, or null where the flow ends.</summary>
    public string? Next(string activityId, string port) => next.TryGetValue((activityId, port), out var target) ? target : null;
}
