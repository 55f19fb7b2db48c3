using CareFlows.Server.Hosting;
using Microsoft.Extensions.Options;

namespace CareFlows.Server.Tracking;

/// <summary>Tracked links: the rewriting flows apply to their messages and the redirect that records clicks. Below Flows.</summary>
public static class TrackingRegistration
{
    public static IServiceCollection AddTracking(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<TrackingOptions>(configuration.GetSection(TrackingOptions.Section));
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<TrackingOptions>>().Value);
        services.AddSingleton<LinkRewriter>();
        services.AddSingleton(new TableDefinition(ClickSchema.Table, ClickSchema.Ddl));
        return services;
    }
}
