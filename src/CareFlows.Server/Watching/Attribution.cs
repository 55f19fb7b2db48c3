namespace CareFlows.Server.Watching;

/// <summary>A moment a flow reached a customer: a service or marketing message sent, or a click on one of its links.</summary>
public sealed record Touch(string CustomerId, DateTimeOffset At, Guid StreamId, string StepId, bool IsClick)
{
    /// <summary>The order whose flow instance sent the message: a message about an order never counts for that order.</summary>
    public string OrderId { get; init; } = "";
}

public sealed record PlacedOrder(string OrderId, string CustomerId, DateTimeOffset PlacedAt, decimal Total, string Currency);

public sealed record AttributedOrder(PlacedOrder Order, Touch Touch);

/// <summary>
/// Last touch within the window: an order counts for the latest message or click of the same customer before it, at most
/// <c>window</c> before it. Transactional mail is not a touch (every order has its own confirmation). Opens are not
/// counted at all: mail privacy features load images for the reader, so an "open" says little.
/// </summary>
public static class Attribution
{
    public static IReadOnlyList<AttributedOrder> Attribute(IEnumerable<PlacedOrder> orders, IEnumerable<Touch> touches, TimeSpan window)
    {
        var byCustomer = touches.GroupBy(t => t.CustomerId).ToDictionary(g => g.Key, g => g.OrderBy(t => t.At).ToList());
        var attributed = new List<AttributedOrder>();
        foreach (var order in orders)
        {
            if (!byCustomer.TryGetValue(order.CustomerId, out var theirs)) continue;
            var last = theirs.LastOrDefault(t => t.OrderId != order.OrderId && t.At <= order.PlacedAt && t.At >= order.PlacedAt - window);
            if (last is not null) attributed.Add(new AttributedOrder(order, last));
        }
        return attributed;
    }
}
