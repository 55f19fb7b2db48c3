namespace CareFlows.Server.Delivery.Outbox;

public static class MessageCategory
{
    public const string Transactional = "transactional";
    public const string Service = "service";
    public const string Marketing = "marketing";

    public static readonly IReadOnlyList<string> All = [Transactional, Service, Marketing];
}

public sealed record OutboxMessage(
    string MessageId, Guid StreamId, string StepId, string Template, string Category,
    string Recipient, string Subject, string HtmlBody, string TextBody, int Attempts, DateTimeOffset CreatedAt);

public static class MessageIds
{
    /// <summary>
    /// Deterministic per instance and step: a redelivered or retried step yields the same id, which the outbox's
    /// primary key turns into "already queued" and which receivers can use to recognise a duplicate.
    /// </summary>
    public static string For(Guid streamId, string stepId, string domain) => $"{streamId:N}.{stepId}@{domain}";
}
