using CareFlows.Contracts.Orders;

namespace CareFlows.Cli;

public static class SampleOrders
{
    /// <summary>A plausible order with fresh ids, so every call starts a new flow.</summary>
    public static OrderPlaced Create(string email = "ada@example.com", string firstName = "Ada", string locale = "en-GB")
    {
        var suffix = Random.Shared.Next(100_000, 999_999);
        return new OrderPlaced
        {
            OrderId = $"sample-{Guid.NewGuid():N}",
            OrderNumber = $"#{suffix}",
            PlacedAt = DateTimeOffset.UtcNow,
            Customer = new Customer
            {
                CustomerId = "sample-customer-1",
                Email = email,
                FirstName = firstName,
                Locale = locale,
                TimeZone = "Europe/London",
            },
            Lines =
            [
                new OrderLine { Sku = "MUG-01", Name = "Stoneware mug", Quantity = 2, UnitPrice = 14.50m },
                new OrderLine { Sku = "TEA-07", Name = "Loose-leaf Earl Grey, 250 g", Quantity = 1, UnitPrice = 9.90m },
            ],
            Total = 38.90m,
            Currency = "GBP",
            ShippingCountry = "GB",
        };
    }
}
