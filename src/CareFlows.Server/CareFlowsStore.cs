using CareFlows.Server.Care;
using CareFlows.Server.Consent;
using CareFlows.Server.Definitions;
using CareFlows.Server.Delivery.Outbox;
using CareFlows.Server.Discounts;
using CareFlows.Server.Flows;
using CareFlows.Server.Flows.Timers;
using CareFlows.Server.Hosting;
using CareFlows.Server.Orders;
using Marten;
using Npgsql;

namespace CareFlows.Server;

/// <summary>
/// The one Marten configuration, composed from each feature's own (the composition root is the one place that knows
/// every feature): the server's, and the tests' and the benchmark's when they read the store without a server.
/// </summary>
public static class CareFlowsStore
{
    public static StoreOptions OptionsFor(NpgsqlDataSource dataSource, ILoggerFactory? logging = null)
    {
        var options = StoreRegistration.Defaults(dataSource, logging);
        DefinitionsRegistration.ConfigureStore(options);
        ConsentRegistration.ConfigureStore(options);
        CareRegistration.ConfigureStore(options);
        DiscountsRegistration.ConfigureStore(options);
        FlowsRegistration.ConfigureStore(options);
        OrdersRegistration.ConfigureStore(options);
        return options;
    }

    /// <summary>The plain tables beside Marten's, for a store set up without a server.</summary>
    public static IReadOnlyList<TableDefinition> Tables { get; } =
        [
            new(OutboxSchema.Table, OutboxSchema.Ddl), new(TimerSchema.Table, TimerSchema.Ddl),
            new(Hosting.Publications.PublicationSchema.Table, Hosting.Publications.PublicationSchema.Ddl),
            new(Inbound.InboundSchema.Table, Inbound.InboundSchema.Ddl),
            new(Tracking.ClickSchema.Table, Tracking.ClickSchema.Ddl),
            new(Owners.Sequence, Owners.SequenceDdl),
        ];
}
