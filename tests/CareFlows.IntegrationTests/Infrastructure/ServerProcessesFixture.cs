using CareFlows.Cli;
using CareFlows.Server.Hosting;
using CareFlows.TestSupport;
using JasperFx;
using Marten;
using Npgsql;

namespace CareFlows.IntegrationTests.Infrastructure;

/// <summary>
/// For tests that start, kill and restart real server processes. No server runs in the test process: the fixture
/// reads and resets the same database with the server's own Marten configuration. The processes run a flow of
/// three emails two seconds apart (real time: these tests are about processes dying, not about the clock).
/// </summary>
public sealed class ServerProcessesFixture : IAsyncLifetime
{
    public const string FlowId = "three-quick-emails";

    public NpgsqlDataSource DataSource { get; } = NpgsqlDataSource.Create(TestServices.Postgres);
    public IDocumentStore Store { get; private set; } = null!;
    public MailSink Mail { get; } = new(TestServices.MailSinkApi);
    public ErrorQueue OrdersErrorQueue { get; } = new(TestServices.Amqp, $"{CareFlows.Server.Orders.OrdersRegistration.Queue}_error");
    public string WorkflowsFolder { get; } = Directory.CreateTempSubdirectory("careflows-workflows-").FullName;

    public async Task InitializeAsync()
    {
        ServerProcess.KillLeftovers(TestServices.Postgres);
        Store = new DocumentStore(CareFlows.Server.CareFlowsStore.OptionsFor(DataSource));
        await Store.Storage.ApplyAllConfiguredChangesToDatabaseAsync(AutoCreate.CreateOrUpdate);
        await new DatabaseSchema(DataSource, CareFlows.Server.CareFlowsStore.Tables).StartAsync(CancellationToken.None);
        await File.WriteAllTextAsync(Path.Combine(WorkflowsFolder, $"{FlowId}.json"), QuickFlow);
    }

    public async Task ResetAsync()
    {
        DataSource.Clear(); // pooled connections may have been cut since the last test (the fault suite restarts PostgreSQL)
        await TestState.ResetAsync(Store, DataSource, Mail);
        await OrdersErrorQueue.PurgeAsync();
    }

    /// <summary>A server process on the quick flow, with short leases so a dead process's work is taken over within seconds.</summary>
    public Task<ServerProcess> StartServerAsync(string name, params (string Key, string Value)[] settings)
    {
        var all = new Dictionary<string, string>
        {
            ["ConnectionStrings:Postgres"] = TestServices.Postgres,
            ["RabbitMq:VirtualHost"] = TestServices.Vhost,
            ["Smtp:Port"] = TestServices.SmtpPort.ToString(),
            ["Flows:WorkflowsPath"] = WorkflowsFolder,
            ["Timers:Lease"] = "00:00:03",
            ["Timers:PollInterval"] = "00:00:00.100",
            ["Delivery:Lease"] = "00:00:03",
            ["Delivery:PollInterval"] = "00:00:00.100",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Microsoft.Hosting.Lifetime"] = "Information", // "Now listening on" tells the test the server is up
        };
        foreach (var (key, value) in settings) all[key] = value;
        return ServerProcess.StartAsync(name, all);
    }

    public Task<RawPublisher> RawPublisherAsync() => RawPublisher.ConnectAsync(TestServices.Amqp);

    public Task<long> CountAsync(string sql) => TestState.CountAsync(DataSource, sql);

    public async Task DisposeAsync()
    {
        Store.Dispose();
        await DataSource.DisposeAsync();
        Mail.Dispose();
        Directory.Delete(WorkflowsFolder, recursive: true);
    }

    private const string QuickFlow = $$"""
        {
          "id": "{{FlowId}}", "name": "Three quick emails", "version": 1,
          "exitOn": ["OrderCancelled", "OrderRefunded"],
          "activities": [
            { "id": "placed", "type": "OrderPlaced" },
            { "id": "first", "type": "SendEmail", "properties": { "template": "order-confirmation", "category": "transactional" } },
            { "id": "pause-1", "type": "Delay", "properties": { "duration": "PT2S" } },
            { "id": "second", "type": "SendEmail", "properties": { "template": "reassurance", "category": "service" } },
            { "id": "pause-2", "type": "Delay", "properties": { "duration": "PT2S" } },
            { "id": "third", "type": "SendEmail", "properties": { "template": "support-reminder", "category": "service" } }
          ],
          "connections": [
            { "source": { "activity": "placed", "port": "Done" }, "target": { "activity": "first" } },
            { "source": { "activity": "first", "port": "Done" }, "target": { "activity": "pause-1" } },
            { "source": { "activity": "pause-1", "port": "Done" }, "target": { "activity": "second" } },
            { "source": { "activity": "second", "port": "Done" }, "target": { "activity": "pause-2" } },
            { "source": { "activity": "pause-2", "port": "Done" }, "target": { "activity": "third" } }
          ]
        }
        """;
}

[CollectionDefinition(Name)]
public sealed class ServerProcessesCollection : ICollectionFixture<ServerProcessesFixture>
{
    public const string Name = "CareFlows as real server processes";
}
