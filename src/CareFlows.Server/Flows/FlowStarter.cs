using CareFlows.Contracts.Orders;
using CareFlows.Server.Delivery;
using CareFlows.Server.Delivery.Outbox;
using CareFlows.Server.Telemetry;
using Marten;

namespace CareFlows.Server.Flows;

/// <summary>
/// Starts a flow instance for an order: runs the pure decision, then commits the new stream and its queued
/// emails in one transaction. The stream id comes from the order, so a duplicate event collides instead of
/// starting a second instance.
/// </summary>
public sealed class FlowStarter(
    IDocumentStore store, EmailQueue emails, DispatchSignal dispatch, TimeProvider clock,
    CareFlowsMetrics metrics, ILogger<FlowStarter> log)
{
    public async Task<bool> StartAsync(OrderPlaced order, CancellationToken ct)
    {
        var streamId = FlowStreamId.For(OrderConfirmationFlow.Id, order.OrderId);
        var now = clock.GetUtcNow();
        await using var session = store.LightweightSession();
        var events = OrderConfirmationFlow.Start(order, now).Outcomes
            .Select(outcome => outcome is EmailRequest request ? emails.Enqueue(session, streamId, order, request, now) : outcome)
            .ToArray();
        session.Events.StartStream<FlowInstance>(streamId, events);
        try
        {
            await session.SaveChangesAsync(ct);
        }
        catch (Exception e) when (IsStreamCollision(e))
        {
            log.LogInformation("Order {OrderId} already has flow {Flow}; duplicate ignored", order.OrderId, OrderConfirmationFlow.Id);
            return false;
        }
        metrics.InstanceStarted(OrderConfirmationFlow.Id);
        dispatch.Notify();
        return true;
    }

    private static bool IsStreamCollision(Exception e) =>
        e is Marten.Exceptions.ExistingStreamIdCollisionException or JasperFx.Events.ExistingStreamIdCollisionException;
}
