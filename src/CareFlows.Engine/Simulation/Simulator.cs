using CareFlows.Contracts.Orders;
using CareFlows.Engine.Definitions;
using CareFlows.Engine.Runtime;
using CareFlows.Engine.Templates;

namespace CareFlows.Engine.Simulation;

/// <summary>An event the simulation injects: e.g. OrderDelivered three days after the order, OrderRefunded on day 10.</summary>
public sealed record ScriptedEvent(string Event, TimeSpan After, string? Reason = null);

public sealed record TimelineEntry(
    DateTimeOffset At, string Kind, string? ActivityId, string Text,
    string? Port = null, string? Why = null, SimulatedEmail? Email = null);

public sealed record SimulatedEmail(string StepId, string Template, string Category, string To, string? Subject, string? Html, string? Text, string? RenderError);

/// <summary><paramref name="Path"/>: the activities entered, in order, for the designer to draw the path taken.</summary>
public sealed record SimulationResult(string FlowId, int Version, bool Started, string Outcome, IReadOnlyList<TimelineEntry> Timeline,
    IReadOnlyList<string>? Path = null)
{
    public IEnumerable<SimulatedEmail> Emails => Timeline.Where(t => t.Email is not null).Select(t => t.Email!);
}

/// <summary>
/// Runs a flow for one order on a virtual clock: no store, no bus, no SMTP, no waiting. Timers fire as soon as
/// they are the next thing to happen; scripted order events arrive at their time. The decisions are the
/// engine's own, so the timeline is what the server would do.
/// </summary>
public static class Simulator
{
    private const int MaxDecisions = 1_000;

    /// <param name="consent">Whether a message of a category may go to this customer (their profile, or the shop's
    /// defaults); null lets everything go. A message it refuses shows as skipped, with why, as the server would skip it.</param>
    public static SimulationResult Run(CompiledFlow flow, OrderPlaced order, IReadOnlyList<ScriptedEvent> events,
        MessageRenderer? renderer = null, string defaultTimeZone = "UTC", int customerOrderCount = 1, int seed = 1,
        Func<string, Consent.SendPermission>? consent = null, (int Messages, TimeSpan Period)? marketingCap = null)
    {
        var env = new EngineEnvironment(defaultTimeZone, DiscountCodes.Seeded(seed));
        var start = order.PlacedAt == default ? DateTimeOffset.UtcNow : order.PlacedAt;
        var timeline = new List<TimelineEntry>();
        var (accepted, why) = FlowEngine.Accepts(flow, order, customerOrderCount);
        if (!accepted)
            return new SimulationResult(flow.Id, flow.Version, false, $"not started: {why}", [new(start, "filtered", flow.Trigger.Id, $"This order would not enter the flow, because {why}. Edit the order (or the customer's order count) to one the filter lets in.")]);

        var instanceId = Guid.NewGuid();
        var path = new List<string>();
        var marketingSent = new List<DateTimeOffset>();
        var state = new InstanceState { InstanceId = instanceId };
        var pending = new Queue<ScriptedEvent>(events.OrderBy(e => e.After));
        var decision = FlowEngine.Start(flow, instanceId, order, customerOrderCount, start, env);
        for (var decisions = 0; decisions < MaxDecisions; decisions++)
        {
            state = Record(decision, state, timeline, renderer, consent, marketingCap, marketingSent);
            path.AddRange(decision.Events.OfType<ActivityEntered>().Select(e => e.ActivityId));
            if (!state.IsActive) break;
            var timerDue = state.Waiting?.Until;
            var eventDue = pending.TryPeek(out var scripted) ? start + scripted.After : (DateTimeOffset?)null;
            if (timerDue is null && eventDue is null)
            {
                timeline.Add(new(timeline[^1].At, "stuck", state.Waiting?.ActivityId, $"Waits for {state.Waiting?.Event} for ever: no such event is scripted"));
                break;
            }
            if (eventDue is { } at && (timerDue is null || at <= timerDue))
            {
                pending.Dequeue();
                timeline.Add(new(at, "event", null, $"{scripted!.Event} arrives{(scripted.Reason is null ? "" : $" ({scripted.Reason})")}"));
                decision = ScriptedAnswers.IsAnswer(scripted.Event)
                    ? ScriptedAnswers.Answer(flow, state, scripted, at) is { } answer ? FlowEngine.OnFeedback(flow, state, answer, at, env) : FlowDecision.Nothing
                    : FlowEngine.OnOrderEvent(flow, state, scripted.Event, at, scripted.Reason, at, env);
            }
            else decision = FlowEngine.OnTimer(flow, state, state.Waiting!.TimerId, timerDue!.Value, env);
        }
        var outcome = state.Status switch
        {
            InstanceStatus.Completed => "completed",
            InstanceStatus.Exited => $"exited: {state.ExitReason}",
            _ => $"still waiting at {state.Waiting?.ActivityId}",
        };
        return new SimulationResult(flow.Id, flow.Version, true, outcome, timeline, path);
    }

    private static InstanceState Record(FlowDecision decision, InstanceState state, List<TimelineEntry> timeline, MessageRenderer? renderer,
        Func<string, Consent.SendPermission>? consent, (int Messages, TimeSpan Period)? cap, List<DateTimeOffset> marketingSent)
    {
        var at = DateTimeOffset.MinValue;
        foreach (var outcome in decision.Outcomes)
        {
            if (outcome is TeamAlertRequest alert)
            {
                timeline.Add(new(at, "alert", alert.ActivityId, $"Alerts {(alert.To == Activities.FeedbackVocabulary.ToTeam ? "the team" : "the customer's owner")}"
                    + $"{(alert.Note is null ? "" : $" ({alert.Note})")} by email, and the helpdesk with CustomerNeedsAttention"));
                continue;
            }
            if (outcome is EmailRequest skipped && consent?.Invoke(skipped.Category) is { Allowed: false } refused)
            {
                timeline.Add(new(at, "skipped", skipped.ActivityId, $"Skips '{skipped.Template}' ({skipped.Category}): {refused.Reason}", Why: refused.Reason));
                continue;
            }
            // The marketing frequency cap, as far as one flow can show it: this flow's own marketing messages.
            if (outcome is EmailRequest { Category: "marketing" } capped && cap is { Messages: > 0 } c && capped.Cap != Activities.ActivityCatalog.CapIgnore
                && marketingSent.Count(t => t > at - c.Period) >= c.Messages)
            {
                var reason = $"frequency cap: {c.Messages} marketing message(s) per {c.Period.TotalHours:0.#} hours (this flow's own; other flows count too when it runs)";
                if (capped.Cap != Activities.ActivityCatalog.CapHold)
                {
                    timeline.Add(new(at, "skipped", capped.ActivityId, $"Skips '{capped.Template}' (marketing): {reason}", Why: reason));
                    continue;
                }
                timeline.Add(new(at, "held", capped.ActivityId, $"Holds '{capped.Template}' until the cap allows: {reason}", Why: reason));
            }
            if (outcome is EmailRequest { Category: "marketing" }) marketingSent.Add(at);
            if (outcome is EmailRequest request)
            {
                timeline.Add(new(at, "email", request.ActivityId, $"Sends '{request.Template}' ({request.Category}) to {state.Order.Customer.Email}",
                    Email: Render(request, state, renderer)));
                continue;
            }
            var e = (IFlowEvent)outcome;
            at = e.At;
            state = state.Apply(e);
            if (Describe(e) is { } entry) timeline.Add(entry);
        }
        return state;
    }

    private static TimelineEntry? Describe(IFlowEvent e) => e switch
    {
        FlowStarted s => new(s.At, "started", null, $"Order {s.Order.OrderNumber} starts {s.FlowId} v{s.FlowVersion}"),
        ActivityCompleted { Why: not null } c => new(c.At, "branch", c.ActivityId, $"{c.ActivityId} -> {c.Port}", c.Port, c.Why),
        WaitStarted { Kind: WaitKinds.Feedback } w => new(w.At, "wait", w.ActivityId,
            $"Waits for an answer to {w.ForMessage}{(w.Until is { } u ? $", at most {Span(u - w.At)} (until {u:yyyy-MM-dd HH:mm} UTC)" : "")}"),
        FeedbackGiven f => new(f.At, "answer", f.ActivityId, $"The customer rates {f.ActivityId} {f.Score} of 5{(f.Comment is null ? "" : $": \"{f.Comment}\"")}"),
        CustomerReplied r => new(r.At, "answer", r.ActivityId, $"The customer replies to {r.ActivityId}: \"{r.Text}\""),
        WaitStarted { Event: null, Until: { } until } w => new(w.At, "wait", w.ActivityId, $"Waits {Span(until - w.At)} (until {until:yyyy-MM-dd HH:mm} UTC)"),
        WaitStarted w => new(w.At, "wait", w.ActivityId,
            $"Waits for {w.Event}{(w.Until is { } u ? $", at most {Span(u - w.At)} (until {u:yyyy-MM-dd HH:mm} UTC)" : "")}"),
        DiscountIssued d => new(d.At, "discount", d.ActivityId, $"Issues {d.Code}: {d.Value}{(d.Kind == "percent" ? "%" : "")} off, valid until {d.ExpiresAt:u}"),
        FlowExited x => new(x.At, "exited", x.ActivityId, $"Exits: {x.Reason}"),
        FlowCompleted c => new(c.At, "completed", null, "Completes"),
        _ => null,
    };

    /// <summary>"3 days", "2 days 6 hours", "45 minutes": how a marketer reads a wait.</summary>
    private static string Span(TimeSpan span)
    {
        var parts = new[] { (span.Days, "day"), (span.Hours, "hour"), (span.Minutes, "minute") }
            .Where(p => p.Item1 > 0).Select(p => $"{p.Item1} {p.Item2}{(p.Item1 == 1 ? "" : "s")}").ToList();
        return parts.Count == 0 ? "under a minute" : string.Join(' ', parts);
    }

    private static SimulatedEmail Render(EmailRequest request, InstanceState state, MessageRenderer? renderer)
    {
        var to = state.Order.Customer.Email;
        if (renderer is null) return new(request.StepId, request.Template, request.Category, to, null, null, null, null);
        try
        {
            var email = renderer.Render(request.Template, state.Order, request.Data, feedback: request.Feedback);
            return new(request.StepId, request.Template, request.Category, to, email.Subject, email.Html, email.Text, null);
        }
        catch (Exception e) when (e is TemplateInvalidException or TemplateNotFoundException)
        {
            return new(request.StepId, request.Template, request.Category, to, null, null, null, e.Message);
        }
    }
}
