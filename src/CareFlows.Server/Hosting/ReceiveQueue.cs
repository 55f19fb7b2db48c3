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
