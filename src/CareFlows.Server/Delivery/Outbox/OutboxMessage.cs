namespace CareFlows.Server.Delivery.Outbox;

public static class MessageCategory
{
    public const string Transactional = "transactional";
    public const string Service = "service";
    public const string Marketing = "marketing";

    public static readonly IReadOnlyList<string> All = [Transactional, Service, Marketing];
}

/// <summary>
/// A rendered message waiting to be sent. <c>Kind</c> says whose stream <c>StreamId</c> is: a flow instance's
/// ("flow"), which then gets an event for how the message ended, or a customer's consent stream ("consent",
/// for a double opt-in confirmation), which does not.
/// </summary>
public sealed record OutboxMessage(
    string MessageId, Guid StreamId, string StepId, string Template, string Category,
    string Recipient, string Subject, string HtmlBody, string TextBody, int Attempts, DateTimeOffset CreatedAt,
    string Kind = OutboxKinds.Flow, string CustomerId = "", string UnsubscribeUrl = "", string Locale = "", string TemplateVersion = "");

public static class OutboxKinds
{
    public const string Flow = "flow";
    public const string Consent = "consent";
}

public static class MessageIds
{
    /// <summary>
    /// Deterministic per instance and step: a redelivered or retried step yields the same id, which the outbox's
    /// primary key turns into "already queued" and which receivers can use to recognise a duplicate.
    /// </summary>
    public static string For(Guid streamId, string stepId, string domain) => $"{streamId:N}.{stepId}@{domain}";
}
