using CareFlows.Contracts.Orders;

namespace CareFlows.Tests;

public static class TestData
{
    public static OrderPlaced Order(string firstName = "Ada", string locale = "en-GB", string currency = "GBP") => new()
    {
        OrderId = "o-1",
        OrderNumber = "#1001",
        PlacedAt = new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero),
        Customer = new Customer { CustomerId = "c-1", Email = "ada@example.com", FirstName = firstName, Locale = locale, TimeZone = "Europe/London" },
        Lines = [new OrderLine { Sku = "MUG", Name = "Stoneware mug", Quantity = 2, UnitPrice = 14.50m }],
        Total = 29.00m,
        Currency = currency,
    };

    public static string RepositoryFolder(string name) => CareFlows.Engine.FolderSearch.Up(AppContext.BaseDirectory, name);
}
