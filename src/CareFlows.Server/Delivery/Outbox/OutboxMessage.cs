namespace CareFlows.Server.Delivery.Outbox;

/// <summary>
/// A rendered message waiting to be sent. <c>Kind</c> says which feature queued it and whose stream <c>StreamId</c>
/// is (a flow instance's, a customer's consent stream); that feature learns how the message ended through its
/// <see cref="IMessageOutcomeHandler"/>. Everything sending needs is on the row, <c>ListUnsubscribe</c> included, so
/// delivery needs no knowledge of the features above it.
/// </summary>
public sealed record OutboxMessage
{
    public required string MessageId { get; init; }
    public required Guid StreamId { get; init; }
    public required string StepId { get; init; }
    public required string Template { get; init; }
    public required string Category { get; init; }
    public required string Recipient { get; init; }
    public required string Subject { get; init; }
    public required string HtmlBody { get; init; }
    public required string TextBody { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    /// <summary>When it may go: <see cref="CreatedAt"/> unless held (a step whose message waits for the frequency cap).</summary>
    public DateTimeOffset? DueAt { get; init; }
    public string Kind { get; init; } = OutboxKinds.Flow;
    public string CustomerId { get; init; } = "";
    /// <summary>The one-click unsubscribe URL (RFC 8058), empty for transactional mail.</summary>
    public string UnsubscribeUrl { get; init; } = "";
    /// <summary>The List-Unsubscribe header's value (RFC 2369), decided when the message was queued.</summary>
    public string ListUnsubscribe { get; init; } = "";
    /// <summary>The sender's display name when not the shop's (a message on behalf of the customer's owner); empty for Email:FromName.</summary>
    public string FromName { get; init; } = "";
    /// <summary>Where replies go when not to Email:ReplyTo (the owner's own address); empty for the default.</summary>
    public string ReplyTo { get; init; } = "";
    public string Locale { get; init; } = "";
    public string TemplateVersion { get; init; } = "";
    /// <summary>Send attempts so far, counting the claim that handed the message over.</summary>
    public int Attempts { get; init; }
}
