using CareFlows.Engine.Runtime;
using JasperFx.Events;
using Marten.Events.Aggregation;

namespace CareFlows.Server.Flows;

/// <summary>
/// A flow instance as stored: the engine's <see cref="InstanceState"/> plus copies of the fields that queries
/// filter on. Kept by an inline projection, so it is written in the same transaction as its events.
/// </summary>
public sealed class FlowInstance
{
    public Guid Id { get; set; }
    /// <summary>The stream's version; Marten fills it in and checks it when a step appends.</summary>
    public long Version { get; set; }
    public string FlowId { get; set; } = "";
    public int FlowVersion { get; set; }
    public string OrderId { get; set; } = "";
    public string CustomerId { get; set; } = "";
    public InstanceStatus Status { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    public InstanceState State { get; set; } = new();
}

/// <summary>Evolves the document with the engine's own pure Apply: one definition of what an event means.</summary>
public sealed class FlowInstanceProjection : SingleStreamProjection<FlowInstance, Guid>
{
    public override FlowInstance? Evolve(FlowInstance? snapshot, Guid id, IEvent e)
    {
        if (e.Data is not IFlowEvent flowEvent) return snapshot;
        var state = (snapshot?.State ?? new InstanceState { InstanceId = id }).Apply(flowEvent);
        var instance = snapshot ?? new FlowInstance { Id = id };
        instance.State = state;
        instance.FlowId = state.FlowId;
        instance.FlowVersion = state.FlowVersion;
        instance.OrderId = state.Order.OrderId;
        instance.CustomerId = state.Order.Customer.CustomerId;
        instance.Status = state.Status;
        instance.StartedAt = state.StartedAt;
        return instance;
    }
}
