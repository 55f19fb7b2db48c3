using CareFlows.Server.Consent;
using CareFlows.Server.Hosting;
using Marten;

namespace CareFlows.Server.Orders;

/// <summary>Order events from the shop: the queue they arrive on, their validation, and intake into flows.</summary>
public static class OrdersRegistration
{
    /// <summary>The queue every order event arrives on; malformed ones land in "careflows-orders_error".</summary>
    public const string Queue = "careflows-orders";

    public static IServiceCollection AddOrders(this IServiceCollection services)
    {
        services.AddSingleton<OrderIntake>();
        services.AddSingleton<IKnownCustomers, OrderAddresses>();
        services.AddReceiveQueue(new ReceiveQueue(Queue)
            .Consumer<OrderPlacedConsumer>().Consumer<OrderShippedConsumer>().Consumer<OrderDeliveredConsumer>()
            .Consumer<OrderCancelledConsumer>().Consumer<OrderRefundedConsumer>());
        return services;
    }

    public static void ConfigureStore(StoreOptions options) =>
        options.Schema.For<OrderRecord>().Index(o => o.CustomerId).UseOptimisticConcurrency(true);
}
