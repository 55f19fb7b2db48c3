using CareFlows.Server.Hosting;

namespace CareFlows.Server.Flows;

/// <summary>
/// A flow instance's stream id is derived from what makes it unique (the flow and the order), so a
/// duplicate OrderPlaced collides with the stream the first one started instead of starting another.
/// </summary>
public static class FlowStreamId
{
    public static Guid For(string flowId, string orderId) => StableGuid.From($"flow:{flowId}|order:{orderId}");
}
