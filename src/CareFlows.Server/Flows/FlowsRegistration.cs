using CareFlows.Engine.Runtime;
using CareFlows.Engine.Templates;
using CareFlows.Server.Delivery.Outbox;
using CareFlows.Server.Flows.Timers;
using CareFlows.Server.Hosting;
using JasperFx.Events.Projections;
using Marten;
using Microsoft.Extensions.Options;

namespace CareFlows.Server.Flows;

/// <summary>Flow instances: starting them, their steps, their timers, and recording how their messages ended.</summary>
public static class FlowsRegistration
{
    public static IServiceCollection AddFlows(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<TimerOptions>(configuration.GetSection(TimerOptions.Section));
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<TimerOptions>>().Value);
        services.AddSingleton(sp => new EngineEnvironment(sp.GetRequiredService<ShopOptions>().DefaultTimeZone, DiscountCodes.New));
        services.AddSingleton(new TableDefinition(TimerSchema.Table, TimerSchema.Ddl));

        services.AddSingleton<FlowEmails>();
        services.AddSingleton<DecisionWriter>();
        services.AddSingleton<TeamAlerts>();
        services.AddSingleton<FlowStarter>();
        services.AddSingleton<FlowResumer>();
        services.AddSingleton<FlowInstances>();
        services.AddSingleton<TimerStore>();
        services.AddHostedService<TimerPoller>();
        services.AddSingleton<IMessageOutcomeHandler, FlowMessageOutcomes>();
        return services;
    }

    public static void ConfigureStore(StoreOptions options)
    {
        // Inline: state is written with its events (see ARCHITECTURE.md), evolved by the engine's own Apply.
        options.Projections.Add<FlowInstanceProjection>(ProjectionLifecycle.Inline);
        options.Schema.For<FlowInstance>().Index(i => i.OrderId).Index(i => i.CustomerId).Index(i => i.FlowId);
    }
}
