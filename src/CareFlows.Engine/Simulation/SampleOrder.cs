using CareFlows.Contracts.Orders;

namespace CareFlows.Engine.Simulation;

public static class SampleOrder
{
    /// <summary>A plausible order with fresh ids: previews, validation, the simulator and the CLI's --sample use it.</summary>
    public static OrderPlaced Create(string email = "ada@example.com", string firstName = "Ada", string locale = "en-GB", DateTimeOffset? placedAt = null)
    {
        var suffix = Random.Shared.Next(100_000, 999_999);
        return new OrderPlaced
        {
            OrderId = $"sample-{Guid.NewGuid():N}",
            OrderNumber = $"#{suffix}",
            PlacedAt = placedAt ?? DateTimeOffset.UtcNow,
            Customer = new Customer
            {
                CustomerId = $"sample-customer-{suffix}",
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

    /// <summary>Flow data as a flow that issued a discount (and alerted the team) would have it, so templates that show them can be checked.</summary>
    public static IReadOnlyDictionary<string, object?> Data(DateTimeOffset now) => new Dictionary<string, object?>
    {
        ["discount"] = new Dictionary<string, object?>
        {
            ["code"] = "THANKS-SAMP-LE00-CODE-0000",
            ["value"] = 15m,
            ["kind"] = "percent",
            ["expires_at"] = now.AddDays(30),
        },
        // What the team's alert (templates/team-alert, sent by NotifyTeam) reads besides feedback and owner.
        ["alert"] = new Dictionary<string, object?>
        {
            ["note"] = "",
            ["reason"] = "rated 2 of 5",
            ["customer_page"] = "https://care.example/designer/#/customers/sample",
        },
    };
}
