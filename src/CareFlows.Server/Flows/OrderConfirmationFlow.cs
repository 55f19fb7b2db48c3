using CareFlows.Contracts.Orders;
using CareFlows.Server.Delivery.Outbox;

namespace CareFlows.Server.Flows;

/// <summary>
/// The one flow the foundation runs: an order confirmation at once. Pure: the flow engine replaces this
/// decision, not the code around it.
/// </summary>
public static class OrderConfirmationFlow
{
    public const string Id = "order-confirmation";
    public const string Template = "order-confirmation";

    public static FlowDecision Start(OrderPlaced order, DateTimeOffset now) => new(
    [
        new FlowStarted(Id, FlowVersion: 1, order, now),
        new EmailRequest(StepId: "confirmation", Template, MessageCategory.Transactional),
        new FlowCompleted(now),
    ]);
}
