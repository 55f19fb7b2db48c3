using MassTransit;

namespace CareFlows.Server.Hosting;

/// <summary>
/// MassTransit over RabbitMQ, with every queue the features registered (<see cref="ReceiveQueue"/>). Call it after the
/// features: it reads their queues from the service collection.
/// </summary>
public static class MessagingRegistration
{
    public static IServiceCollection AddCareFlowsMessaging(this IServiceCollection services, IConfiguration configuration)
    {
        var rabbit = configuration.GetSection(RabbitMqOptions.Section).Get<RabbitMqOptions>() ?? new RabbitMqOptions();
        var queues = ReceiveQueueRegistration.Registered(services);
        services.AddSingleton(new TableDefinition(Publications.PublicationSchema.Table, Publications.PublicationSchema.Ddl));
        services.AddHostedService<Publications.PublicationPoller>();
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
            foreach (var queue in queues) queue.AddConsumers(bus);
            bus.UsingRabbitMq((context, cfg) =>
            {
                cfg.Host(rabbit.Host, rabbit.Port, rabbit.VirtualHost, h =>
                {
                    h.Username(rabbit.Username);
                    h.Password(rabbit.Password);
                });
                foreach (var queue in queues)
                    cfg.ReceiveEndpoint(queue.Name, endpoint =>
                    {
                        ConfigureEndpoint(endpoint, rabbit);
                        queue.ConfigureConsumers(endpoint, context);
                    });
            });
        });
        return services;
    }

    // A message that can never succeed skips the retries and goes to the error queue with its reason. Anything else is
    // retried for about a minute in all (PostgreSQL restarting, a failover): long enough to outlast an ordinary restart,
    // after which the message goes to the error queue rather than blocking its queue for ever.
    private static void ConfigureEndpoint(IRabbitMqReceiveEndpointConfigurator endpoint, RabbitMqOptions rabbit)
    {
        endpoint.PrefetchCount = rabbit.PrefetchCount;
        endpoint.UseMessageRetry(r =>
        {
            r.Ignore<InvalidMessageException>();
            r.Exponential(12, TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(10), TimeSpan.FromMilliseconds(200));
        });
    }
}
