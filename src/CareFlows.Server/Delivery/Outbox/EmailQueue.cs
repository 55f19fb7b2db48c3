using CareFlows.Contracts.Orders;
using CareFlows.Engine.Runtime;
using CareFlows.Engine.Templates;
using CareFlows.Server.Consent;
using Marten;

namespace CareFlows.Server.Delivery.Outbox;

/// <summary>
/// The seam between the flow engine and delivery: a step asks for an email, this renders it and queues it in
/// the outbox inside the step's own Marten unit of work, so the step's events and its message commit together.
/// Sending happens later, in <see cref="EmailDispatcher"/>: flow execution never waits on SMTP.
/// </summary>
public sealed class EmailQueue(MessageRenderer renderer, EmailOptions email, ConsentLinks links)
{
    private const string InsertSql = $"""
        insert into {OutboxSchema.Table}
            (message_id, stream_id, step_id, template, category, recipient, subject, html_body, text_body, due_at, created_at,
             kind, customer_id, unsubscribe_url, locale, template_version)
        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        on conflict (message_id) do nothing
        """;

    public EmailQueued Enqueue(IDocumentSession session, Guid streamId, OrderPlaced order, EmailRequest request, DateTimeOffset now)
    {
        var messageId = MessageIds.For(streamId, request.StepId, email.MessageIdDomain);
        var messageLinks = links.ForMessage(order.Customer.CustomerId, messageId, request.Category, now);
        var rendered = renderer.Render(request.Template, order, request.Data, messageLinks);
        Queue(session, new OutboxMessage(messageId, streamId, request.StepId, request.Template, request.Category, order.Customer.Email,
            rendered.Subject, rendered.Html, rendered.Text, 0, now, OutboxKinds.Flow, order.Customer.CustomerId,
            messageLinks.Unsubscribe, rendered.Locale, rendered.Version));
        return new EmailQueued(request.StepId, messageId, request.Template, request.Category, order.Customer.Email, now);
    }

    /// <summary>Queues a rendered message in the caller's unit of work; a message id queued before is left as it is.</summary>
    public void Queue(IDocumentSession session, OutboxMessage m) =>
        session.QueueSqlCommand(InsertSql,
            m.MessageId, m.StreamId, m.StepId, m.Template, m.Category, m.Recipient, m.Subject, m.HtmlBody, m.TextBody, m.CreatedAt, m.CreatedAt,
            m.Kind, m.CustomerId, m.UnsubscribeUrl, m.Locale, m.TemplateVersion);

    public string MessageIdFor(Guid streamId, string stepId) => MessageIds.For(streamId, stepId, email.MessageIdDomain);
}
