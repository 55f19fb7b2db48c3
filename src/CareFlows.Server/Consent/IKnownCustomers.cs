using Marten;

namespace CareFlows.Server.Consent;

/// <summary>
/// Where consent learns a customer's address when a change arrives without one (the preference page carries only the
/// customer id in its link), and the language to show their pages in. Consent asks; the orders room answers.
/// </summary>
public interface IKnownCustomers
{
    Task<KnownCustomer> LatestAsync(IQuerySession session, string customerId, CancellationToken ct);
}
