using CareFlows.Engine.Runtime;
using Marten;

namespace CareFlows.Server.Flows;

public sealed class FlowInstances(IDocumentStore store)
{
    public async Task<IReadOnlyList<Guid>> ActiveForOrderAsync(string orderId, CancellationToken ct)
    {
        await using var session = store.QuerySession();
        return await session.Query<FlowInstance>()
            .Where(i => i.OrderId == orderId && (i.Status == InstanceStatus.Running || i.Status == InstanceStatus.Waiting))
            .Select(i => i.Id)
            .ToListAsync(ct);
    }
}
