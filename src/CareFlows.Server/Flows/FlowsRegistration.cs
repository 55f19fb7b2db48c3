using CareFlows.Engine.Runtime;
using CareFlows.Engine.Templates;
using CareFlows.Server.Definitions;
using CareFlows.Server.Delivery;
using CareFlows.Server.Discounts;
using CareFlows.Server.Flows.Timers;
using CareFlows.Server.Orders;
using Microsoft.Extensions.Options;

namespace CareFlows.Server.Flows;

public static class FlowsRegistration
{
    public static IServiceCollection AddCareFlowsFlows(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<TimerOptions>(configuration.GetSection(TimerOptions.Section));
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<TimerOptions>>().Value);
        services.AddSingleton(sp => new EngineEnvironment(sp.GetRequiredService<ShopOptions>().DefaultTimeZone, DiscountCodes.New));

        services.AddSingleton<DefinitionValidation>();
        services.AddSingleton<FlowCatalog>();
        services.AddSingleton<FlowPublisher>();
        services.AddSingleton<FlowDrafts>();
        services.AddSingleton<WorkflowFileImporter>();
        services.AddHostedService(sp => sp.GetRequiredService<WorkflowFileImporter>());

        services.AddSingleton<DecisionWriter>();
        services.AddSingleton<FlowStarter>();
        services.AddSingleton<FlowResumer>();
        services.AddSingleton<FlowInstances>();
        services.AddSingleton<TimerStore>();
        services.AddHostedService<TimerPoller>();
        services.AddSingleton<ISendGate, SendGate>();

        services.AddSingleton<OrderIntake>();
        services.AddSingleton<DiscountRedemption>();
        return services;
    }
}
