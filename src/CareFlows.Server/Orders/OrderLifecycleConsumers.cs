using CareFlows.Contracts.Orders;
using CareFlows.Server.Telemetry;
using MassTransit;

using CareFlows.Server.Hosting;

namespace CareFlows.Server.Orders;

// Thin on purpose: translate the message to (event, order, time, reason) and hand it to OrderIntake. Idempotent on
// the order and event: an event an instance has already seen changes nothing.

public sealed class OrderShippedConsumer(OrderIntake intake, CareFlowsMetrics metrics) : IConsumer<OrderShipped>
{
    public Task Consume(ConsumeContext<OrderShipped> context) =>
        Lifecycle.Handle(intake, metrics, nameof(OrderShipped), context.Message.OrderId, context.Message.ShippedAt, null, context.CancellationToken);
}

public sealed class OrderDeliveredConsumer(OrderIntake intake, CareFlowsMetrics metrics) : IConsumer<OrderDelivered>
{
    public Task Consume(ConsumeContext<OrderDelivered> context) =>
        Lifecycle.Handle(intake, metrics, nameof(OrderDelivered), context.Message.OrderId, context.Message.DeliveredAt, null, context.CancellationToken);
}

public sealed class OrderCancelledConsumer(OrderIntake intake, CareFlowsMetrics metrics) : IConsumer<OrderCancelled>
{
    public Task Consume(ConsumeContext<OrderCancelled> context) =>
        Lifecycle.Handle(intake, metrics, nameof(OrderCancelled), context.Message.OrderId, context.Message.CancelledAt, context.Message.Reason, context.CancellationToken);
}

public sealed class OrderRefundedConsumer(OrderIntake intake, CareFlowsMetrics metrics) : IConsumer<OrderRefunded>
{
    public Task Consume(ConsumeContext<OrderRefunded> context) =>
        Lifecycle.Handle(intake, metrics, nameof(OrderRefunded), context.Message.OrderId, context.Message.RefundedAt, context.Message.Reason, context.CancellationToken);
}

internal static class Lifecycle
{
    public static Task Handle(OrderIntake intake, CareFlowsMetrics metrics, string eventName, string orderId, DateTimeOffset at, string? reason, CancellationToken ct)
    {
        metrics.EventReceived(eventName);
        if (string.IsNullOrWhiteSpace(orderId)) throw new InvalidMessageException(eventName, ["orderId is missing"]);
        if (at == default) throw new InvalidMessageException(eventName, ["the time it happened is missing"]);
        return intake.LifecycleAsync(eventName, orderId, at, reason, ct);
    }
}
