using Marten;

namespace CareFlows.Server.Consent;

/// <summary>
/// Where consent learns a customer's address when a change arrives without one (the preference page carries only the
/// customer id in its link). Consent asks; the orders room, which knows the customer's orders, answers.
/// </summary>
public interface IKnownAddresses
{
    /// <summary>The address on the customer's latest order, if any.</summary>
    Task<string?> LatestAsync(IQuerySession session, string customerId, CancellationToken ct);
}
