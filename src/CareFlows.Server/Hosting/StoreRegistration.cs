using JasperFx;
using JasperFx.Events;
using JasperFx.Events.Projections;
using Marten;
using Npgsql;

namespace CareFlows.Server.Hosting;

/// <summary>
/// PostgreSQL and Marten, configured by <paramref name="options"/>: the composition root passes
/// <c>CareFlowsStore.OptionsFor</c>, which asks each feature for its documents and projections.
/// </summary>
public static class StoreRegistration
{
    public const string ConnectionStringName = "Postgres";

    public static IServiceCollection AddCareFlowsStore(this IServiceCollection services, IConfiguration configuration,
        Func<NpgsqlDataSource, ILoggerFactory, StoreOptions> options)
    {
        var connectionString = configuration.GetConnectionString(ConnectionStringName)
            ?? throw new InvalidOperationException($"ConnectionStrings:{ConnectionStringName} is not configured");
        services.AddSingleton(_ => NpgsqlDataSource.Create(connectionString));
        services.AddMarten(sp => options(sp.GetRequiredService<NpgsqlDataSource>(), sp.GetRequiredService<ILoggerFactory>()))
            .UseLightweightSessions().ApplyAllDatabaseChangesOnStartup();
        services.AddHostedService<DatabaseSchema>();
        return services;
    }

    /// <summary>What every CareFlows store has, whatever its features: the connection, the schema, logging, streams by Guid.</summary>
    public static StoreOptions Defaults(NpgsqlDataSource dataSource, ILoggerFactory? logging)
    {
        var options = new StoreOptions();
        if (logging is not null) options.Logger(new PrivateMartenLogger(logging.CreateLogger("Marten")));
        options.Connection(dataSource);
        options.DatabaseSchemaName = "careflows";
        options.Events.StreamIdentity = StreamIdentity.AsGuid;
        // A step loads its instance with FetchForWriting; the inline projection then reuses that copy instead of
        // loading it again. Safe because only Marten (through the projections) ever changes those documents.
        options.Events.UseIdentityMapForAggregates = true;
        options.AutoCreateSchemaObjects = AutoCreate.CreateOrUpdate;
        return options;
    }
}
