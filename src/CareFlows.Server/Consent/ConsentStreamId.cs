using CareFlows.Server.Hosting;

namespace CareFlows.Server.Consent;

/// <summary>One consent stream per customer, keyed by the shop's customer id.</summary>
public static class ConsentStreamId
{
    public static Guid For(string customerId) => StableGuid.From($"consent:{customerId}");
}
