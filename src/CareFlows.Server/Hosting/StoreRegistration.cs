using CareFlows.Server.Consent;
using CareFlows.Server.Definitions;
using CareFlows.Server.Discounts;
using CareFlows.Server.Flows;
using CareFlows.Server.Orders;
using JasperFx;
using JasperFx.Events;
using JasperFx.Events.Projections;
using Marten;
using Npgsql;

namespace CareFlows.Server.Hosting;

public static class StoreRegistration
{
    public const string ConnectionStringName = "Postgres";

    public static IServiceCollection AddCareFlowsStore(this IServiceCollection services, IConfiguration configuration)
    {
        var connectionString = configuration.GetConnectionString(ConnectionStringName)
            ?? throw new InvalidOperationException($"ConnectionStrings:{ConnectionStringName} is not configured");
        services.AddSingleton(_ => NpgsqlDataSource.Create(connectionString));
        services.AddMarten(sp => StoreOptionsFor(sp.GetRequiredService<NpgsqlDataSource>(), sp.GetRequiredService<ILoggerFactory>()))
            .UseLightweightSessions().ApplyAllDatabaseChangesOnStartup();
        services.AddHostedService<DatabaseSchema>();
        return services;
    }

    /// <summary>The one Marten configuration: the server's, and the tests' when they read the store without a server.</summary>
    public static StoreOptions StoreOptionsFor(NpgsqlDataSource dataSource, ILoggerFactory? logging = null)
    {
        var options = new StoreOptions();
        if (logging is not null) options.Logger(new PrivateMartenLogger(logging.CreateLogger("Marten")));
        options.Connection(dataSource);
        options.DatabaseSchemaName = "careflows";
        options.Events.StreamIdentity = StreamIdentity.AsGuid;
        // A step loads its instance with FetchForWriting; the inline projection then reuses that copy instead of
        // loading it again. Safe because only Marten (through FlowInstanceProjection) ever changes the document.
        options.Events.UseIdentityMapForAggregates = true;
        // Inline: state is written with its events. (The async daemon's HotCold mode is unavailable here,
        // see build/Marten.props, and inline projections need no leader among several processes.)
        options.Projections.Add<FlowInstanceProjection>(ProjectionLifecycle.Inline);
        options.Projections.Add<CustomerConsentProjection>(ProjectionLifecycle.Inline);
        options.Schema.For<CustomerConsent>().Index(c => c.Email);
        options.Schema.For<FlowInstance>().Index(i => i.OrderId).Index(i => i.CustomerId).Index(i => i.FlowId);
        options.Schema.For<OrderRecord>().Index(o => o.CustomerId).UseOptimisticConcurrency(true);
        options.Schema.For<StoredFlow>().UseOptimisticConcurrency(true);
        options.Schema.For<FlowVersion>().Index(v => v.FlowId);
        options.Schema.For<DiscountCode>().Index(c => c.CustomerId);
        options.AutoCreateSchemaObjects = AutoCreate.CreateOrUpdate;
        return options;
    }
}
