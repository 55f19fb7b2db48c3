using System.Security.Cryptography;
using System.Text;
using CareFlows.Engine.Activities;
using CareFlows.Engine.Definitions;
using CareFlows.Engine.Expressions;
using CareFlows.Engine.Templates;
using CareFlows.Engine.Timing;

namespace CareFlows.Engine.Runtime;

/// <summary>One decision in the making: walks activities from a point until the instance waits, exits or completes.</summary>
internal sealed class FlowRun(CompiledFlow flow, InstanceState state, DateTimeOffset now, EngineEnvironment env)
{
    // A loop without a wait is refused by validation; this bounds a decision anyway.
    private const int MaxActivitiesPerDecision = 500;

    private readonly List<object> _outcomes = [];
    private InstanceState _state = state;

    public FlowDecision Decision => new(_outcomes);
    public InstanceState State => _state;

    public void Emit(IFlowEvent e)
    {
        _outcomes.Add(e);
        _state = _state.Apply(e);
    }

    public void ContinueFrom(string activityId, string port, string? why)
    {
        Emit(new ActivityCompleted(activityId, port, why, now));
        if (flow.Next(activityId, port) is { } next) ExecuteFrom(next);
        else Emit(new FlowCompleted(now));
    }

    public void ExecuteFrom(string activityId)
    {
        for (var id = activityId; ;)
        {
            if (_outcomes.OfType<ActivityEntered>().Count() >= MaxActivitiesPerDecision)
            {
                Emit(new FlowExited($"more than {MaxActivitiesPerDecision} activities in one step", id, now));
                return;
            }
            var activity = flow[id];
            var visit = _state.Visits.GetValueOrDefault(id) + 1;
            Emit(new ActivityEntered(id, TypeName(activity), visit, now));
            if (Perform(activity, visit) is not var (port, why)) return; // waiting or ended
            Emit(new ActivityCompleted(id, port, why, now));
            if (flow.Next(id, port) is not { } next)
            {
                Emit(new FlowCompleted(now));
                return;
            }
            id = next;
        }
    }

    /// <summary>The port to continue through and why, or null when the activity waits or ends the instance.</summary>
    private (string Port, string? Why)? Perform(Activity activity, int visit) => activity switch
    {
        Trigger => ("Done", null),
        SendEmail send => Send(send, visit),
        Delay delay => WaitUntil(delay.Id, visit, now + delay.Duration, WaitKinds.Delay),
        WaitForEvent wait => AwaitEvent(wait, visit),
        WaitForFeedback wait => AwaitFeedback(wait, visit),
        NotifyTeam notify => Notify(notify, visit),
        SendWindow window => HoldForWindow(window, visit),
        Condition condition => Decide(condition),
        RandomSplit split => Split(split, visit),
        IssueDiscount discount => Issue(discount),
        Exit exit => End(exit),
        _ => throw new InvalidOperationException($"No behaviour for {activity.GetType().Name}"),
    };

    private (string, string?) Send(SendEmail send, int visit)
    {
        _outcomes.Add(new EmailRequest($"{send.Id}.{visit}", send.Id, send.Template, send.Category, _state.Data) { Feedback = _state.Feedback, Sender = send.Sender, Cap = send.Cap });
        return ("Done", null);
    }

    private (string, string?)? WaitUntil(string activityId, int visit, DateTimeOffset until, string kind)
    {
        Emit(new WaitStarted(activityId, $"{activityId}.{visit}", until, null, kind, now));
        return null;
    }

    private (string, string?)? AwaitEvent(WaitForEvent wait, int visit)
    {
        if (_state.ObservedEvents.TryGetValue(wait.Event, out var occurred)) return ("Received", $"{wait.Event} had already happened at {occurred:u}");
        Emit(new WaitStarted(wait.Id, $"{wait.Id}.{visit}", wait.Timeout is { } t ? now + t : null, wait.Event, WaitKinds.Event, now));
        return null;
    }

    // An answer that came before the wait began (the customer rated at once) is taken at once.
    private (string, string?)? AwaitFeedback(WaitForFeedback wait, int visit)
    {
        if (_state.Answers.TryGetValue(wait.Message, out var answer)) return FeedbackPort(wait, answer);
        Emit(new WaitStarted(wait.Id, $"{wait.Id}.{visit}", wait.Timeout is { } t ? now + t : null, null, WaitKinds.Feedback, now, wait.Message));
        return null;
    }

    public static (string Port, string Why) FeedbackPort(WaitForFeedback wait, Answer answer) => answer.Score is { } score
        ? (FeedbackVocabulary.PortFor(score, wait.UnhappyAtMost, wait.HappyFrom),
            $"rated {score} of {FeedbackVocabulary.HighestScore} (unhappy up to {wait.UnhappyAtMost}, happy from {wait.HappyFrom})")
        : (FeedbackVocabulary.Replied, "the customer replied");

    private (string, string?) Notify(NotifyTeam notify, int visit)
    {
        _outcomes.Add(new TeamAlertRequest($"{notify.Id}.{visit}", notify.Id, notify.To, notify.Note, _state.LatestAnswer));
        return ("Done", null);
    }

    private (string, string?)? HoldForWindow(SendWindow window, int visit)
    {
        var zoneId = window.TimeZone ?? _state.Order.Customer.TimeZone;
        var zone = LocaleFormats.ZoneFor(zoneId) ?? LocaleFormats.ZoneFor(env.DefaultTimeZone) ?? TimeZoneInfo.Utc;
        return SendWindows.NextOpening(now, window.Start, window.End, zone) is { } opens
            ? WaitUntil(window.Id, visit, opens, WaitKinds.Window)
            : ("Done", $"inside {window.Start:HH\\:mm}-{window.End:HH\\:mm} {zone.Id}");
    }

    private (string, string?)? Decide(Condition condition)
    {
        try
        {
            var model = ExpressionModel.For(_state.Order, _state.CustomerOrderCount, _state.Data, _state.ObservedEvents.Keys, _state.Feedback);
            return FlowExpressions.IsTrue(condition.Expression, model)
                ? ("True", $"'{condition.Expression}' was true")
                : ("False", $"'{condition.Expression}' was false");
        }
        catch (ExpressionException e)
        {
            Emit(new FlowExited($"condition '{condition.Expression}' failed: {e.Message}", condition.Id, now));
            return null;
        }
    }

    private (string, string?) Split(RandomSplit split, int visit)
    {
        // Deterministic per instance (and visit): the same customer always sees the same variant.
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{_state.InstanceId:N}|{split.Id}|{visit}"));
        var bucket = (int)(BitConverter.ToUInt32(hash, 0) % 100);
        var threshold = 0;
        foreach (var branch in split.Branches)
        {
            threshold += branch.Weight;
            if (bucket < threshold) return (branch.Name, $"bucket {bucket} of 100 falls in '{branch.Name}' ({branch.Weight}%)");
        }
        return (split.Branches[^1].Name, $"bucket {bucket} of 100");
    }

    private (string, string?) Issue(IssueDiscount discount)
    {
        Emit(new DiscountIssued(discount.Id, env.NewDiscountCode(discount.Prefix), discount.Value, discount.Kind, now + discount.ValidFor, now));
        return ("Done", null);
    }

    private (string, string?)? End(Exit exit)
    {
        Emit(new FlowExited(exit.Reason, exit.Id, now));
        return null;
    }

    private static string TypeName(Activity activity) => activity is Trigger t ? t.Event : activity.GetType().Name;
}
