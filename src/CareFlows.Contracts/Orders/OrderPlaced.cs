namespace CareFlows.Contracts.Orders;

// Contracts are property records rather than positional ones: a field added later gets its default when an
// older publisher leaves it out, and adding it changes no constructor that a compiled publisher calls.

public record OrderPlaced
{
    public string OrderId { get; init; } = "";
    public string OrderNumber { get; init; } = "";
    public DateTimeOffset PlacedAt { get; init; }
    public Customer Customer { get; init; } = new();
    public IReadOnlyList<OrderLine> Lines { get; init; } = [];
    public decimal Total { get; init; }
    public string Currency { get; init; } = "";
    /// <summary>ISO 3166-1 alpha-2 country the order ships to, when the shop knows it.</summary>
    public string? ShippingCountry { get; init; }
    /// <summary>Discount codes redeemed with this order; a code CareFlows issued is then marked used.</summary>
    public IReadOnlyList<string> DiscountCodes { get; init; } = [];
}

public record Customer
{
    public string CustomerId { get; init; } = "";
    public string Email { get; init; } = "";
    public string FirstName { get; init; } = "";
    /// <summary>BCP 47 tag such as "de-AT"; empty means the shop's default.</summary>
    public string Locale { get; init; } = "";
    /// <summary>IANA zone such as "Europe/Vienna"; empty means the shop's default.</summary>
    public string TimeZone { get; init; } = "";
}

public record OrderLine
{
    public string Sku { get; init; } = "";
    public string Name { get; init; } = "";
    public int Quantity { get; init; }
    public decimal UnitPrice { get; init; }
}
