using CareFlows.Contracts.Orders;
using CareFlows.Engine.Activities;
using CareFlows.Engine.Definitions;
using CareFlows.Engine.Expressions;

namespace CareFlows.Engine.Runtime;

/// <summary>
/// Decides what a flow instance does next. Pure: the same flow, state, stimulus and time give the same decision
/// (discount codes come from the environment). The server commits decisions; the simulator replays them.
/// </summary>
public static class FlowEngine
{
    /// <summary>Whether an order passes the flow's trigger filter; a filter that cannot be evaluated lets nothing in.</summary>
    public static (bool Accepted, string Why) Accepts(CompiledFlow flow, OrderPlaced order, int customerOrderCount)
    {
        if (flow.Trigger.Filter is not { } filter) return (true, "no filter");
        try
        {
            var model = ExpressionModel.For(order, customerOrderCount, new Dictionary<string, object?>(), []);
            return FlowExpressions.IsTrue(filter, model) ? (true, $"'{filter}' was true") : (false, $"'{filter}' was false");
        }
        catch (ExpressionException e) { return (false, $"'{filter}' failed: {e.Message}"); }
    }

    public static FlowDecision Start(CompiledFlow flow, Guid instanceId, OrderPlaced order, int customerOrderCount, DateTimeOffset now, EngineEnvironment env)
    {
        var started = new FlowStarted(flow.Id, flow.Version, order, customerOrderCount, now);
        var run = new FlowRun(flow, InstanceState.Start(instanceId, started), now, env);
        run.Emit(started);
        run.ExecuteFrom(flow.Trigger.Id);
        return run.Decision;
    }

    /// <summary>A timer fell due. A timer the instance no longer waits for (it moved on, or ended) decides nothing.</summary>
    public static FlowDecision OnTimer(CompiledFlow flow, InstanceState state, string timerId, DateTimeOffset now, EngineEnvironment env)
    {
        if (!state.IsActive || state.Waiting is not { } wait || wait.TimerId != timerId) return FlowDecision.Nothing;
        var run = new FlowRun(flow, state, now, env);
        var (port, why) = wait.Kind switch
        {
            WaitKinds.Event => ("TimedOut", $"no {wait.Event} by {wait.Until:u}"),
            WaitKinds.Window => ("Done", "the send window opened"),
            WaitKinds.Feedback => (FeedbackVocabulary.NoAnswer, $"no answer to {wait.ForMessage} by {wait.Until:u}"),
            _ => ("Done", null),
        };
        run.ContinueFrom(wait.ActivityId, port, why);
        return run.Decision;
    }

    /// <summary>
    /// The customer answered one of this instance's messages (<see cref="FeedbackGiven"/> or <see cref="CustomerReplied"/>).
    /// The answer is recorded whatever the instance is doing, even after it ended; a WaitForFeedback for that message
    /// moves on through the port the answer leads to.
    /// </summary>
    public static FlowDecision OnFeedback(CompiledFlow flow, InstanceState state, IFlowEvent answer, DateTimeOffset now, EngineEnvironment env)
    {
        var activityId = answer switch
        {
            FeedbackGiven f => f.ActivityId,
            CustomerReplied r => r.ActivityId,
            _ => throw new ArgumentException($"{answer.GetType().Name} is not an answer", nameof(answer)),
        };
        var run = new FlowRun(flow, state, now, env);
        run.Emit(answer);
        if (state.IsActive && state.Waiting is { Kind: WaitKinds.Feedback } wait && wait.ForMessage == activityId
            && flow[wait.ActivityId] is WaitForFeedback waitForFeedback)
        {
            var (port, why) = FlowRun.FeedbackPort(waitForFeedback, run.State.Answers[activityId]);
            run.ContinueFrom(wait.ActivityId, port, why);
        }
        return run.Decision;
    }

    /// <summary>An event of this instance's order: it ends the instance (exitOn), resumes a wait for it, or is remembered for a later wait.</summary>
    public static FlowDecision OnOrderEvent(CompiledFlow flow, InstanceState state, string eventName, DateTimeOffset occurredAt, string? reason, DateTimeOffset now, EngineEnvironment env)
    {
        if (!state.IsActive) return FlowDecision.Nothing;
        var run = new FlowRun(flow, state, now, env);
        if (flow.ExitOn.Contains(eventName))
        {
            run.Emit(new FlowExited(string.IsNullOrWhiteSpace(reason) ? eventName : $"{eventName}: {reason}", state.CurrentActivity, now));
            return run.Decision;
        }
        if (state.ObservedEvents.ContainsKey(eventName)) return FlowDecision.Nothing; // seen before: redelivered
        run.Emit(new EventObserved(eventName, occurredAt, now));
        if (state.Waiting is { Event: var awaited } wait && awaited == eventName)
            run.ContinueFrom(wait.ActivityId, "Received", $"{eventName} at {occurredAt:u}");
        return run.Decision;
    }
}

public static class WaitKinds
{
    public const string Feedback = "feedback";
    public const string Delay = "delay";
    public const string Event = "event";
    public const string Window = "window";
}
