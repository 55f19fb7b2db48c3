using CareFlows.Server.Hosting;
using Microsoft.Extensions.Options;

namespace CareFlows.Server.Inbound;

/// <summary>The inbound mailbox: what customers and mail servers send back. Above feedback, delivery and consent, which it tells.</summary>
public static class InboundRegistration
{
    public static IServiceCollection AddInbound(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<InboundOptions>(configuration.GetSection(InboundOptions.Section));
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<InboundOptions>>().Value);
        services.AddSingleton(new TableDefinition(InboundSchema.Table, InboundSchema.Ddl));
        services.AddSingleton<InboundHandler>();
        services.AddHostedService<InboundMailReader>();
        return services;
    }
}
