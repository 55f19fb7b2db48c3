using CareFlows.Engine.Runtime;

namespace CareFlows.Engine.Simulation;

/// <summary>
/// A customer's answer in a simulation: <c>FeedbackGiven</c> with "score[:comment]" or <c>CustomerReplied</c> with
/// the reply's text. It answers the message a WaitForFeedback waits on, or else the latest message the flow sent.
/// </summary>
public static class ScriptedAnswers
{
    public static bool IsAnswer(string eventName) => eventName is nameof(FeedbackGiven) or nameof(CustomerReplied);

    public static IFlowEvent? Answer(Definitions.CompiledFlow flow, InstanceState state, ScriptedEvent scripted, DateTimeOffset at)
    {
        var activityId = state.Waiting?.ForMessage ?? LatestMessage(flow, state);
        if (activityId is null) return null;
        var stepId = $"{activityId}.{state.Visits.GetValueOrDefault(activityId, 1)}";
        var messageId = $"simulated.{stepId}";
        if (scripted.Event == nameof(CustomerReplied)) return new CustomerReplied(messageId, stepId, activityId, scripted.Reason ?? "", at);
        var parts = (scripted.Reason ?? "").Split(':', 2);
        if (!int.TryParse(parts[0], out var score) || score is < 1 or > 5)
            throw new ArgumentException($"FeedbackGiven needs a score from 1 to 5, e.g. FeedbackGiven@P6D:2:box was damaged (not '{scripted.Reason}')");
        return new FeedbackGiven(messageId, stepId, activityId, score, parts.Length > 1 ? parts[1].Trim().Trim('"') : null, at);
    }

    // The SendEmail activity entered last: what a customer who answers "the email" means.
    private static string? LatestMessage(Definitions.CompiledFlow flow, InstanceState state) =>
        state.CurrentActivity is { } current && flow[current] is Activities.SendEmail ? current
            : state.Visits.Keys.Where(id => flow[id] is Activities.SendEmail).LastOrDefault();
}
