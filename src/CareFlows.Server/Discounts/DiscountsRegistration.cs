using Marten;

namespace CareFlows.Server.Discounts;

/// <summary>Discount codes flows issue, and their redemption when an order carries one.</summary>
public static class DiscountsRegistration
{
    public static IServiceCollection AddDiscounts(this IServiceCollection services) => services.AddSingleton<DiscountRedemption>();

    public static void ConfigureStore(StoreOptions options) => options.Schema.For<DiscountCode>().Index(c => c.CustomerId);
}
