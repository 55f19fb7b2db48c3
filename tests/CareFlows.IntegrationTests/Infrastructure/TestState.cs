using CareFlows.Server.Consent;
using CareFlows.Server.Definitions;
using CareFlows.Server.Delivery;
using CareFlows.Server.Delivery.Outbox;
using CareFlows.Server.Discounts;
using CareFlows.Server.Flows;
using CareFlows.Server.Flows.Timers;
using CareFlows.Server.Orders;
using Marten;
using Npgsql;

namespace CareFlows.IntegrationTests.Infrastructure;

/// <summary>Empties what a test could have written: streams, documents, outbox, timers, the inbox.</summary>
public static class TestState
{
    public static async Task ResetAsync(IDocumentStore store, NpgsqlDataSource dataSource, MailSink mail)
    {
        await store.Advanced.Clean.DeleteAllEventDataAsync();
        foreach (var type in new[] { typeof(FlowInstance), typeof(OrderRecord), typeof(DiscountCode), typeof(StoredFlow), typeof(FlowVersion), typeof(SuppressedAddress),
                     typeof(CustomerConsent), typeof(ConsentMessageReceipt),
                     typeof(CareFlows.Server.Care.CustomerCareFile), typeof(CareFlows.Server.Care.CustomerOwner) })
            await store.Advanced.Clean.DeleteDocumentsByTypeAsync(type);
        await using (var truncate = dataSource.CreateCommand($"truncate {OutboxSchema.Table}, {TimerSchema.Table}, {CareFlows.Server.Hosting.Publications.PublicationSchema.Table}, {CareFlows.Server.Inbound.InboundSchema.Table}, {CareFlows.Server.Tracking.ClickSchema.Table}"))
            await truncate.ExecuteNonQueryAsync();
        await mail.ClearAsync();
    }

    public static async Task<long> CountAsync(NpgsqlDataSource dataSource, string sql)
    {
        await using var command = dataSource.CreateCommand(sql);
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }
}
