using CareFlows.Server.Hosting;
using JasperFx.Events.Projections;
using Marten;
using Microsoft.Extensions.Options;

namespace CareFlows.Server.Care;

/// <summary>
/// The shop's team, who owns which customer, and each customer's care stream (answers and cases). Below flows (a
/// NotifyTeam step asks it for the owner and the open case) and feedback (which records answers through it).
/// </summary>
public static class CareRegistration
{
    public static IServiceCollection AddCare(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<TeamOptions>(configuration.GetSection(TeamOptions.Section));
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<TeamOptions>>().Value);
        services.AddSingleton<Owners>();
        services.AddSingleton<CareRecords>();
        services.AddSingleton(new TableDefinition(Owners.Sequence, Owners.SequenceDdl));
        return services;
    }

    public static void ConfigureStore(StoreOptions options)
    {
        // Inline: an answer and the case it opens are read back by the next answer at once (one open case at a time).
        options.Projections.Add<CustomerCareProjection>(ProjectionLifecycle.Inline);
        options.Schema.For<CustomerCareFile>().Index(f => f.CustomerId).Index(f => f.HasOpenCase);
    }
}
