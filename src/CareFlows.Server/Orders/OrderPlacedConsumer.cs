using CareFlows.Contracts.Orders;
using CareFlows.Server.Flows;
using CareFlows.Server.Telemetry;
using MassTransit;

namespace CareFlows.Server.Orders;

/// <summary>Validates and hands over. Idempotent on the order: the flow's stream id is derived from it.</summary>
public sealed class OrderPlacedConsumer(FlowStarter flows, CareFlowsMetrics metrics) : IConsumer<OrderPlaced>
{
    public async Task Consume(ConsumeContext<OrderPlaced> context)
    {
        metrics.EventReceived(nameof(OrderPlaced));
        OrderValidation.ThrowIfInvalid(context.Message);
        await flows.StartAsync(context.Message, context.CancellationToken);
    }
}
