namespace CareFlows.Server.Delivery.Outbox;

public static class MessageIds
{
    /// <summary>
    /// Deterministic per instance and step: a redelivered or retried step yields the same id, which the outbox's
    /// primary key turns into "already queued" and which receivers can use to recognise a duplicate.
    /// </summary>
    public static string For(Guid streamId, string stepId, string domain) => $"{streamId:N}.{stepId}@{domain}";
}
