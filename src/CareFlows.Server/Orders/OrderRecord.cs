using CareFlows.Contracts.Orders;

namespace CareFlows.Server.Orders;

/// <summary>
/// What CareFlows knows of an order: the OrderPlaced snapshot and when each later event happened. Flows
/// triggered by OrderShipped or OrderDelivered take the customer from here, and a flow that starts after an
/// event already happened learns of it from here.
/// </summary>
public sealed class OrderRecord
{
    public string Id { get; set; } = "";
    public string CustomerId { get; set; } = "";
    public OrderPlaced Order { get; set; } = new();
    public Dictionary<string, DateTimeOffset> Events { get; set; } = [];
    public Dictionary<string, string> Reasons { get; set; } = [];

    public Flows.OrderFacts Facts() => new(Id, CustomerId, Order, Events, Reasons);
}
