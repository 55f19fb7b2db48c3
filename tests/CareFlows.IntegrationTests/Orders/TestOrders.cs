using CareFlows.Contracts.Orders;

namespace CareFlows.IntegrationTests.Orders;

public static class TestOrders
{
    /// <summary>An order with its own ids and recipient, so a test can only ever see its own email.</summary>
    public static OrderPlaced New(string firstName = "Ada", string locale = "en-GB")
    {
        var id = Guid.NewGuid().ToString("N")[..10];
        return new OrderPlaced
        {
            OrderId = $"order-{id}",
            OrderNumber = $"#T-{id}",
            PlacedAt = DateTimeOffset.UtcNow,
            Customer = new Customer { CustomerId = $"customer-{id}", Email = $"{id}@example.com", FirstName = firstName, Locale = locale, TimeZone = "Europe/London" },
            Lines =
            [
                new OrderLine { Sku = "MUG-01", Name = "Stoneware mug", Quantity = 2, UnitPrice = 14.50m },
                new OrderLine { Sku = "TEA-07", Name = "Earl Grey tea", Quantity = 1, UnitPrice = 9.90m },
            ],
            Total = 38.90m,
            Currency = "GBP",
        };
    }
}
