using CareFlows.Server.Delivery.Outbox;
using CareFlows.Server.Flows;
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
        services.AddMarten(sp =>
        {
            var options = new StoreOptions();
            options.Connection(sp.GetRequiredService<NpgsqlDataSource>());
            options.DatabaseSchemaName = "careflows";
            options.Events.StreamIdentity = StreamIdentity.AsGuid;
            // Inline: state is written with its events. (The async daemon's HotCold mode is unavailable here,
            // see build/Marten.props, and inline projections need no leader among several processes.)
            options.Projections.Snapshot<FlowInstance>(SnapshotLifecycle.Inline);
            options.AutoCreateSchemaObjects = AutoCreate.CreateOrUpdate;
            return options;
        }).UseLightweightSessions().ApplyAllDatabaseChangesOnStartup();
        services.AddHostedService<OutboxSchemaInitializer>();
        return services;
    }

    private sealed class OutboxSchemaInitializer(NpgsqlDataSource dataSource) : IHostedService
    {
        public Task StartAsync(CancellationToken ct) => OutboxSchema.EnsureAsync(dataSource, ct);
        public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
    }
}
