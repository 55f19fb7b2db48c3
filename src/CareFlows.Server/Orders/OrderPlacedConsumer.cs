using CareFlows.Contracts.Orders;
using CareFlows.Server.Telemetry;
using MassTransit;

namespace CareFlows.Server.Orders;

/// <summary>Validates and hands over. Idempotent on the order: each flow's stream id is derived from it.</summary>
public sealed class OrderPlacedConsumer(OrderIntake intake, CareFlowsMetrics metrics) : IConsumer<OrderPlaced>
{
    public async Task Consume(ConsumeContext<OrderPlaced> context)
    {
        metrics.EventReceived(nameof(OrderPlaced));
        OrderValidation.ThrowIfInvalid(context.Message);
        await intake.PlacedAsync(context.Message, context.CancellationToken);
    }
}
