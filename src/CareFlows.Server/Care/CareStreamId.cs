using CareFlows.Server.Hosting;

namespace CareFlows.Server.Care;

public static class CareStreamId
{
    public static Guid For(string customerId) => StableGuid.From($"care:{customerId}");

    /// <summary>A case is named by the answer that opened it: the same answer recorded twice opens one case.</summary>
    public static Guid CaseFor(Guid instanceId, string messageId) => StableGuid.From($"case:{instanceId:N}|{messageId}");
}
