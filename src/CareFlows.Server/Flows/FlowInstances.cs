using CareFlows.Engine.Runtime;
using CareFlows.Server.Definitions;
using Marten;

namespace CareFlows.Server.Flows;

public sealed class FlowInstances(IDocumentStore store, FlowCatalog catalog)
{
    public async Task<IReadOnlyList<Guid>> ActiveForOrderAsync(string orderId, CancellationToken ct)
    {
        await using var session = store.QuerySession();
        return await session.Query<FlowInstance>()
            .Where(i => i.OrderId == orderId && (i.Status == InstanceStatus.Running || i.Status == InstanceStatus.Waiting))
            .Select(i => i.Id)
            .ToListAsync(ct);
    }

    /// <summary>
    /// The customer's running instances on their other orders whose flow waits for <paramref name="eventName"/> somewhere
    /// (a win-back flow waiting for the next order). One indexed read by customer; the flows are compiled and cached.
    /// </summary>
    public async Task<IReadOnlyList<Guid>> ActiveForCustomerWaitingForAsync(string customerId, string exceptOrderId, string eventName, CancellationToken ct)
    {
        await using var session = store.QuerySession();
        var active = await session.Query<FlowInstance>()
            .Where(i => i.CustomerId == customerId && i.OrderId != exceptOrderId && (i.Status == InstanceStatus.Running || i.Status == InstanceStatus.Waiting))
            .Select(i => new ActiveInstance(i.Id, i.FlowId, i.FlowVersion))
            .ToListAsync(ct);
        var waiting = new List<Guid>();
        foreach (var instance in active)
            if ((await catalog.VersionAsync(instance.FlowId, instance.FlowVersion, ct)).WaitsFor(eventName)) waiting.Add(instance.Id);
        return waiting;
    }

    private sealed record ActiveInstance(Guid Id, string FlowId, int FlowVersion);
}
