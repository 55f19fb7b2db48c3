using CareFlows.Contracts.Orders;
using CareFlows.Engine.Activities;
using CareFlows.Engine.Runtime;
using CareFlows.Engine.Templates;
using CareFlows.Server.Consent;
using CareFlows.Server.Delivery;
using CareFlows.Server.Delivery.Outbox;
using CareFlows.Server.Tracking;
using Marten;

namespace CareFlows.Server.Flows;

/// <summary>
/// A step's email: rendered for the instance's order with the customer's signed links, and queued in the outbox inside
/// the step's own unit of work, so the step's events and its message commit together. Everything the sending needs,
/// the List-Unsubscribe header included, is decided here and stored on the row.
/// </summary>
public sealed class FlowEmails(MessageRenderer renderer, EmailQueue queue, ConsentLinks links, LinkRewriter tracked)
{
    public EmailQueued Queue(IDocumentSession session, Guid streamId, OrderPlaced order, EmailRequest request, Person? owner, DateTimeOffset now,
        DateTimeOffset? dueAt = null)
    {
        var messageId = queue.MessageIdFor(streamId, request.StepId);
        var messageLinks = links.ForMessage(order.Customer.CustomerId, messageId, request.Category, now);
        var rendered = renderer.Render(request.Template, order, request.Data, messageLinks, request.Feedback, owner);
        var (html, text) = tracked.Rewrite(rendered.Html, rendered.Text, order.Customer.CustomerId, messageId, now);
        // On the owner's behalf: their name on the From line (the shop's address, so the mail still authenticates)
        // and their own address for replies.
        var fromOwner = request.Sender == ActivityCatalog.FromOwner && owner is not null;
        queue.Queue(session, new OutboxMessage
        {
            MessageId = messageId, StreamId = streamId, StepId = request.StepId, Template = request.Template, Category = request.Category, DueAt = dueAt,
            Recipient = order.Customer.Email, Subject = rendered.Subject, HtmlBody = html, TextBody = text, CreatedAt = now,
            Kind = OutboxKinds.Flow, CustomerId = order.Customer.CustomerId, UnsubscribeUrl = messageLinks.Unsubscribe,
            ListUnsubscribe = messageLinks.Unsubscribe == "" ? "" : links.ListUnsubscribeHeader(messageLinks.Unsubscribe),
            Locale = rendered.Locale, TemplateVersion = rendered.Version,
            FromName = fromOwner ? owner!.Name : "", ReplyTo = fromOwner ? owner!.Email : "",
        });
        return new EmailQueued(request.StepId, messageId, request.Template, request.Category, order.Customer.Email, now);
    }
}
