namespace CareFlows.Server.Discounts;

/// <summary>A code a flow issued: stored with the step that issued it, marked used when an order carries it.</summary>
public sealed class DiscountCode
{
    /// <summary>The code itself: unique by construction (80 random bits) and by key.</summary>
    public string Id { get; set; } = "";
    public Guid InstanceId { get; set; }
    public string FlowId { get; set; } = "";
    public string OrderId { get; set; } = "";
    public string CustomerId { get; set; } = "";
    public decimal Value { get; set; }
    public string Kind { get; set; } = "";
    public DateTimeOffset IssuedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset? UsedAt { get; set; }
    public string? UsedOnOrderId { get; set; }
}
