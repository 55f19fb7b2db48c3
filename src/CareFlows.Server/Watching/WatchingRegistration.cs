namespace CareFlows.Server.Watching;

/// <summary>What each flow does, per step, what it earns (clicks, attributed orders, revenue, codes redeemed), and the message log.</summary>
public static class WatchingRegistration
{
    public static IServiceCollection AddWatching(this IServiceCollection services) =>
        services.AddSingleton<FlowStatistics>().AddSingleton<FlowResults>();
}
