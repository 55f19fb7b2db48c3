namespace CareFlows.Server.Hosting;

public static class ReceiveQueueRegistration
{
    public static IServiceCollection AddReceiveQueue(this IServiceCollection services, ReceiveQueue queue) => services.AddSingleton(queue);

    /// <summary>The queues registered so far: the messaging set-up runs after every feature has registered.</summary>
    internal static IReadOnlyList<ReceiveQueue> Registered(IServiceCollection services) =>
        services.Where(d => d.ServiceType == typeof(ReceiveQueue) && d.ImplementationInstance is ReceiveQueue)
            .Select(d => (ReceiveQueue)d.ImplementationInstance!).ToList();
}
