namespace CareFlows.Server.Flows;

public static class FlowsRegistration
{
    public static IServiceCollection AddCareFlowsFlows(this IServiceCollection services)
    {
        services.AddSingleton<FlowStarter>();
        return services;
    }
}
