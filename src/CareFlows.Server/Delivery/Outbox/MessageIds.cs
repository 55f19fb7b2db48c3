namespace CareFlows.Server.Delivery.Outbox;

public static class MessageIds
{
    /// <summary>
    /// Deterministic per instance and step: a redelivered or retried step yields the same id, which the outbox's
    /// primary key turns into "already queued" and which receivers can use to recognise a duplicate.
    /// </summary>
    public static string For(Guid streamId, string stepId, string domain) => $"{streamId:N}.{stepId}@{domain}";

    /// <summary>
    /// The instance and step a CareFlows Message-Id names (as an answer's link or a reply's In-Reply-To carries it);
    /// false for an id CareFlows did not make with <paramref name="domain"/>. Angle brackets are allowed.
    /// </summary>
    public static bool TryParse(string? messageId, string domain, out Guid streamId, out string stepId)
    {
        streamId = Guid.Empty;
        stepId = "";
        var id = (messageId ?? "").Trim().TrimStart('<').TrimEnd('>');
        var at = id.LastIndexOf('@');
        if (at < 34 || !string.Equals(id[(at + 1)..], domain, StringComparison.OrdinalIgnoreCase) || id[32] != '.') return false;
        if (!Guid.TryParseExact(id[..32], "N", out streamId)) return false;
        stepId = id[33..at];
        return stepId.LastIndexOf('.') > 0;
    }

    /// <summary>The activity a step belongs to: a step id is "{activity}.{visit}".</summary>
    public static string ActivityOf(string stepId) => stepId[..stepId.LastIndexOf('.')];
}
