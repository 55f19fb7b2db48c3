using CareFlows.Contracts.Feedback;
using CareFlows.Engine.Activities;
using CareFlows.Engine.Runtime;
using CareFlows.Engine.Templates;
using CareFlows.Server.Care;
using CareFlows.Server.Consent;
using CareFlows.Server.Delivery.Outbox;
using CareFlows.Server.Hosting;
using CareFlows.Server.Hosting.Publications;
using Marten;

namespace CareFlows.Server.Flows;

/// <summary>
/// A NotifyTeam step: an email to the customer's owner (or the team's address) and a <see cref="CustomerNeedsAttention"/>
/// for a helpdesk, both staged in the step's unit of work under ids derived from the step, so a step decided again
/// (a redelivery, a write conflict) queues neither twice. Never to the customer: the alert goes to a person of the team.
/// </summary>
public sealed class TeamAlerts(MessageRenderer renderer, EmailQueue queue, ConsentLinks links, Owners owners, ShopOptions shop)
{
    public const string Template = "team-alert";

    public async Task<TeamNotified> QueueAsync(IDocumentSession session, Guid streamId, InstanceState state, TeamAlertRequest request,
        CareContext care, DateTimeOffset now, CancellationToken ct)
    {
        var order = state.Order;
        var person = request.To == FeedbackVocabulary.ToTeam ? owners.Team
            : care.Owner ?? await owners.EnsureAsync(session, order.Customer.CustomerId, order.Customer.Locale, now, ct);
        var alertId = queue.MessageIdFor(streamId, request.StepId);
        var answer = request.Answer;
        var reason = answer switch
        {
            { Score: { } score } => $"rated {score} of 5",
            { Reply: not null } => "the customer replied",
            _ => "the flow asks for a person",
        };
        var page = links.CustomerPage(order.Customer.CustomerId);
        var data = new Dictionary<string, object?>(state.Data)
        {
            ["alert"] = new Dictionary<string, object?> { ["note"] = request.Note ?? "", ["reason"] = reason, ["customer_page"] = page },
        };
        // In the team's language (the shop's), not the customer's; no customer links: this is not the customer's mail.
        var forTeam = order with { Customer = order.Customer with { Locale = shop.DefaultLocale } };
        var rendered = renderer.Render(Template, forTeam, data, new MessageLinks("", ""), InstanceState.FeedbackModel(answer), person);
        queue.Queue(session, new OutboxMessage
        {
            MessageId = alertId, StreamId = streamId, StepId = request.StepId, Template = Template, Category = MessageCategory.Transactional,
            Recipient = person.Email, Subject = rendered.Subject, HtmlBody = rendered.Html, TextBody = rendered.Text, CreatedAt = now,
            Kind = OutboxKinds.Team, Locale = rendered.Locale, TemplateVersion = rendered.Version,
        });
        PublicationQueue.Stage(session, StableGuid.From($"attention:{alertId}"), new CustomerNeedsAttention
        {
            AlertId = alertId, CustomerId = order.Customer.CustomerId, CaseId = care.CaseId?.ToString(), OrderId = order.OrderId,
            OrderNumber = order.OrderNumber, FlowId = state.FlowId, Score = answer?.Score, Comment = answer?.Comment, Reply = answer?.Reply,
            Note = request.Note, OwnerName = person.Name, OwnerEmail = person.Email, CustomerPageUrl = page, At = now,
        }, now);
        return new TeamNotified(request.StepId, request.ActivityId, request.To, alertId, now);
    }
}
