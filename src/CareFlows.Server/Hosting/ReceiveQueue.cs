using MassTransit;

namespace CareFlows.Server.Hosting;

/// <summary>
/// A RabbitMQ queue a feature consumes, with its consumers. Each feature registers its own
/// (<c>services.AddReceiveQueue(...)</c>); the messaging set-up reads them all, so it knows no feature.
/// </summary>
public sealed class ReceiveQueue(string name)
{
    private readonly List<Action<IBusRegistrationConfigurator>> _add = [];
    private readonly List<Action<IReceiveEndpointConfigurator, IBusRegistrationContext>> _configure = [];

    public string Name => name;

    public ReceiveQueue Consumer<T>() where T : class, IConsumer
    {
        _add.Add(bus => bus.AddConsumer<T>());
        _configure.Add((endpoint, context) => endpoint.ConfigureConsumer<T>(context));
        return this;
    }

    internal void AddConsumers(IBusRegistrationConfigurator bus) => _add.ForEach(add => add(bus));

    internal void ConfigureConsumers(IReceiveEndpointConfigurator endpoint, IBusRegistrationContext context) =>
        _configure.ForEach(configure => configure(endpoint, context));
}

public static class ReceiveQueueRegistration
{
    public static IServiceCollection AddReceiveQueue(this IServiceCollection services, ReceiveQueue queue) => services.AddSingleton(queue);

    /// <summary>The queues registered so far: the messaging set-up runs after every feature has registered.</summary>
    internal static IReadOnlyList<ReceiveQueue> Registered(IServiceCollection services) =>
        services.Where(d => d.ServiceType == typeof(ReceiveQueue) && d.ImplementationInstance is ReceiveQueue)
            .Select(d => (ReceiveQueue)d.ImplementationInstance!).ToList();
}
