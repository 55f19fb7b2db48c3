using CareFlows.Contracts.Orders;
using CareFlows.Engine.Runtime;
using CareFlows.Engine.Templates;
using Marten;

namespace CareFlows.Server.Delivery.Outbox;

/// <summary>
/// The seam between the flow engine and delivery: a step asks for an email, this renders it and queues it in
/// the outbox inside the step's own Marten unit of work, so the step's events and its message commit together.
/// Sending happens later, in <see cref="EmailDispatcher"/>: flow execution never waits on SMTP.
/// </summary>
public sealed class EmailQueue(MessageRenderer renderer, EmailOptions email)
{
    private const string InsertSql = $"""
        insert into {OutboxSchema.Table}
            (message_id, stream_id, step_id, template, category, recipient, subject, html_body, text_body, due_at, created_at)
        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        on conflict (message_id) do nothing
        """;

    public EmailQueued Enqueue(IDocumentSession session, Guid streamId, OrderPlaced order, EmailRequest request, DateTimeOffset now)
    {
        var messageId = MessageIds.For(streamId, request.StepId, email.MessageIdDomain);
        var rendered = renderer.Render(request.Template, order, request.Data);
        session.QueueSqlCommand(InsertSql,
            messageId, streamId, request.StepId, request.Template, request.Category, order.Customer.Email,
            rendered.Subject, rendered.Html, rendered.Text, now, now);
        return new EmailQueued(request.StepId, messageId, request.Template, request.Category, order.Customer.Email, now);
    }
}
