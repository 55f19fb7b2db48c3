namespace CareFlows.Contracts.Orders;

public record OrderShipped
{
    public string OrderId { get; init; } = "";
    public DateTimeOffset ShippedAt { get; init; }
    public string? Carrier { get; init; }
    public string? TrackingNumber { get; init; }
}

public record OrderDelivered
{
    public string OrderId { get; init; } = "";
    public DateTimeOffset DeliveredAt { get; init; }
}

public record OrderCancelled
{
    public string OrderId { get; init; } = "";
    public DateTimeOffset CancelledAt { get; init; }
    public string? Reason { get; init; }
}

public record OrderRefunded
{
    public string OrderId { get; init; } = "";
    public DateTimeOffset RefundedAt { get; init; }
    public decimal Amount { get; init; }
    public string Currency { get; init; } = "";
    public string? Reason { get; init; }
}
