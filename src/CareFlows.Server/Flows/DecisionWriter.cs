using CareFlows.Engine.Runtime;
using CareFlows.Engine.Templates;
using CareFlows.Server.Care;
using CareFlows.Engine.Activities;
using CareFlows.Server.Delivery;
using CareFlows.Server.Delivery.Caps;
using CareFlows.Server.Delivery.Outbox;
using CareFlows.Server.Discounts;
using CareFlows.Server.Flows.Timers;
using CareFlows.Server.Telemetry;
using Marten;

namespace CareFlows.Server.Flows;

/// <summary>
/// Turns an engine decision into one unit of work: the events for the stream, each email queued in the outbox
/// (or skipped, with why), each team alert queued, issued discount codes, and the instance's timer set or cleared. The caller commits it,
/// so all of that happens together or not at all.
/// </summary>
public sealed class DecisionWriter(FlowEmails emails, TeamAlerts alerts, CareRecords care, ISendGate gate, FrequencyCap cap, TemplateCatalog templates,
    CareFlowsMetrics metrics, ILogger<DecisionWriter> log)
{
    /// <param name="known">The customer's owner and open case when the caller has them in this unit of work (an answer
    /// just recorded); otherwise they are read as committed, once, and only if a request needs them.</param>
    public async Task<IReadOnlyList<object>> WriteAsync(IDocumentSession session, Guid streamId, InstanceState before, FlowDecision decision, DateTimeOffset now,
        CancellationToken ct, CareContext? known = null)
    {
        var state = before;
        var events = new List<object>();
        var context = known;
        async Task<CareContext> Care() => context ??= await care.ContextAsync(session, state.Order.Customer.CustomerId, ct);
        foreach (var outcome in decision.Outcomes)
        {
            switch (outcome)
            {
                case IFlowEvent e:
                    events.Add(e);
                    state = state.Apply(e);
                    if (e is DiscountIssued issued) session.Insert(CodeFor(issued, streamId, state));
                    break;
                case EmailRequest email:
                    // The owner is looked up only for a message that shows or is signed by them: most messages (an order
                    // confirmation) never do, and the lookup is a round trip.
                    var owner = email.Sender == ActivityCatalog.FromOwner || templates.Reads(email.Template, "owner") ? (await Care()).Owner : known?.Owner;
                    events.Add(await EmailAsync(session, streamId, state, email, owner, now, ct));
                    break;
                case TeamAlertRequest alert:
                    var notified = await alerts.QueueAsync(session, streamId, state, alert, await Care(), now, ct);
                    events.Add(notified);
                    state = state.Apply(notified);
                    break;
            }
        }
        if (state.Waiting is { Until: { } until } wait) TimerStore.Schedule(session, streamId, wait.TimerId, until);
        else TimerStore.Clear(session, streamId);
        return events;
    }

    private async Task<IFlowEvent> EmailAsync(IDocumentSession session, Guid streamId, InstanceState state, EmailRequest request, Engine.Templates.Person? owner, DateTimeOffset now, CancellationToken ct)
    {
        var verdict = await gate.CheckAsync(session, state.Order.Customer.CustomerId, state.Order.Customer.Email, request.Category, ct);
        if (!verdict.Allowed)
        {
            metrics.MessageSkipped(request.Category);
            return new EmailSkipped(request.StepId, request.Template, request.Category, verdict.Reason, now);
        }
        DateTimeOffset? holdUntil = null;
        if (request.Category == MessageCategory.Marketing && request.Cap != ActivityCatalog.CapIgnore
            && await cap.CheckAsync(session, state.Order.Customer.CustomerId, now, ct) is { Allowed: false } capped)
        {
            if (request.Cap != ActivityCatalog.CapHold)
            {
                metrics.MessageSkipped(request.Category);
                return new EmailSkipped(request.StepId, request.Template, request.Category, capped.Reason, now);
            }
            holdUntil = capped.FreeAt; // queued now, sent once the cap allows; consent is checked again then
        }
        try
        {
            var queued = emails.Queue(session, streamId, state.Order, request, owner, now, holdUntil);
            if (request.Category == MessageCategory.Marketing) cap.Noted(session, state.Order.Customer.CustomerId, holdUntil ?? now);
            return queued;
        }
        catch (Exception e) when (e is TemplateInvalidException or TemplateNotFoundException)
        {
            // Published flows were checked against their templates; this is a template edited since. Record it and go
            // on rather than holding every later step of every instance back.
            log.LogError("Template {Template} failed for instance {Instance}: {Error}", request.Template, streamId, e.Message);
            metrics.MessageSkipped(request.Category);
            return new EmailSkipped(request.StepId, request.Template, request.Category, $"template error: {e.Message}", now);
        }
    }

    private static DiscountCode CodeFor(DiscountIssued issued, Guid streamId, InstanceState state) => new()
    {
        Id = issued.Code,
        InstanceId = streamId,
        FlowId = state.FlowId,
        OrderId = state.Order.OrderId,
        CustomerId = state.Order.Customer.CustomerId,
        Value = issued.Value,
        Kind = issued.Kind,
        IssuedAt = issued.At,
        ExpiresAt = issued.ExpiresAt,
    };
}
