using Marten;

namespace CareFlows.Server.Delivery.Outbox;

/// <summary>
/// Queues a rendered message in the outbox inside the caller's own Marten unit of work, so whatever asked for the
/// message (a flow step, a consent change) and the message commit together. Sending happens later, in
/// <see cref="EmailDispatcher"/>: no feature waits on SMTP.
/// </summary>
public sealed class EmailQueue(EmailOptions email)
{
    private const string InsertSql = $"""
        insert into {OutboxSchema.Table}
            (message_id, stream_id, step_id, template, category, recipient, subject, html_body, text_body, due_at, created_at,
             kind, customer_id, unsubscribe_url, list_unsubscribe, locale, template_version, from_name, reply_to)
        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        on conflict (message_id) do nothing
        """;

    /// <summary>Queues a message in the caller's unit of work; a message id queued before is left as it is.</summary>
    public void Queue(IDocumentSession session, OutboxMessage m) =>
        session.QueueSqlCommand(InsertSql,
            m.MessageId, m.StreamId, m.StepId, m.Template, m.Category, m.Recipient, m.Subject, m.HtmlBody, m.TextBody, m.DueAt ?? m.CreatedAt, m.CreatedAt,
            m.Kind, m.CustomerId, m.UnsubscribeUrl, m.ListUnsubscribe, m.Locale, m.TemplateVersion, m.FromName, m.ReplyTo);

    public string MessageIdFor(Guid streamId, string stepId) => MessageIds.For(streamId, stepId, email.MessageIdDomain);
}
