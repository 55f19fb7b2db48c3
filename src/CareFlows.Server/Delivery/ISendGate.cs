using Marten;

namespace CareFlows.Server.Delivery;

/// <summary>
/// Asked when a step sends and again just before the dispatcher hands the message to SMTP: whoever opts out on day 3
/// gets nothing on day 14, nor a message that was queued before they opted out and is still waiting. A "no" is
/// recorded on the instance as EmailSkipped with its reason, and the flow goes on.
/// </summary>
public interface ISendGate
{
    /// <summary>One verdict per question, in order, read in as few queries as the gate can: the dispatcher asks for a whole claimed batch at once.</summary>
    Task<IReadOnlyList<SendVerdict>> CheckManyAsync(IQuerySession session, IReadOnlyList<SendQuestion> questions, CancellationToken ct);

    async Task<SendVerdict> CheckAsync(IQuerySession session, string customerId, string recipient, string category, CancellationToken ct) =>
        (await CheckManyAsync(session, [new SendQuestion(customerId, recipient, category)], ct))[0];
}

/// <summary>May a message of this category go to this customer at this address?</summary>
public sealed record SendQuestion(string CustomerId, string Recipient, string Category);
