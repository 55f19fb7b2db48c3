using CareFlows.Server.Orders;
using MassTransit;

namespace CareFlows.Server.Hosting;

/// <summary>Configuration section "RabbitMq".</summary>
public sealed class RabbitMqOptions
{
    public const string Section = "RabbitMq";
    public string Host { get; set; } = "127.0.0.1";
    public ushort Port { get; set; } = 5672;
    public string VirtualHost { get; set; } = "/";
    public string Username { get; set; } = "careflows";
    public string Password { get; set; } = "careflows";
    public int PrefetchCount { get; set; } = 32;
}

public static class MessagingRegistration
{
    /// <summary>The queue every order event arrives on; malformed ones land in "careflows-orders_error".</summary>
    public const string OrdersQueue = "careflows-orders";

    public static IServiceCollection AddCareFlowsMessaging(this IServiceCollection services, IConfiguration configuration)
    {
        var rabbit = configuration.GetSection(RabbitMqOptions.Section).Get<RabbitMqOptions>() ?? new RabbitMqOptions();
        services.AddOptions<MassTransitHostOptions>().Configure(o =>
        {
            o.WaitUntilStarted = true;
            o.StartTimeout = TimeSpan.FromSeconds(60);
            // On shutdown, consumers in flight get this long to finish; an unfinished message is not acknowledged,
            // so RabbitMQ delivers it again (and the consumers are idempotent).
            o.StopTimeout = TimeSpan.FromSeconds(30);
            o.ConsumerStopTimeout = TimeSpan.FromSeconds(20);
        });
        services.AddMassTransit(bus =>
        {
            bus.AddConsumer<OrderPlacedConsumer>();
            bus.AddConsumer<OrderShippedConsumer>();
            bus.AddConsumer<OrderDeliveredConsumer>();
            bus.AddConsumer<OrderCancelledConsumer>();
            bus.AddConsumer<OrderRefundedConsumer>();
            bus.UsingRabbitMq((context, cfg) =>
            {
                cfg.Host(rabbit.Host, rabbit.Port, rabbit.VirtualHost, h =>
                {
                    h.Username(rabbit.Username);
                    h.Password(rabbit.Password);
                });
                cfg.ReceiveEndpoint(OrdersQueue, endpoint =>
                {
                    endpoint.PrefetchCount = rabbit.PrefetchCount;
                    // A message that can never succeed skips the retries and goes to the error queue with its reason.
                    endpoint.UseMessageRetry(r =>
                    {
                        r.Ignore<InvalidMessageException>();
                        r.Exponential(5, TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(5), TimeSpan.FromMilliseconds(200));
                    });
                    endpoint.ConfigureConsumers(context);
                });
            });
        });
        return services;
    }
}
