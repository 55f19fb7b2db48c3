using System.Net.Http.Json;
using CareFlows.Cli;
using CareFlows.Contracts.Consent;
using CareFlows.Contracts.Orders;
using CareFlows.Server.Consent;
using CareFlows.Engine.Runtime;
using CareFlows.Server.Flows;
using CareFlows.Server.Definitions;
using CareFlows.Server.Delivery.Outbox;
using CareFlows.Server.Hosting;
using CareFlows.TestSupport;
using Marten;
using MassTransit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CareFlows.IntegrationTests.Infrastructure;

/// <summary>
/// One real CareFlows host per test collection, on the real PostgreSQL, RabbitMQ and SMTP sink, in the tests'
/// own database and vhost. Tests call <see cref="ResetAsync"/> before they run, so each starts from nothing
/// and a failed test leaves its state behind to look at.
/// </summary>
public class CareFlowsFixture : IAsyncLifetime
{
    private WebApplicationFactory<Program> _factory = null!;

    public IServiceProvider Services => _factory.Services;
    public MailSink Mail { get; } = new(TestServices.MailSinkApi);
    public ErrorQueue OrdersErrorQueue { get; } = new(TestServices.Amqp, $"{CareFlows.Server.Orders.OrdersRegistration.Queue}_error");
    public ErrorQueue ConsentErrorQueue { get; } = new(TestServices.Amqp, $"{CareFlows.Server.Consent.ConsentRegistration.Queue}_error");
    public ConsumedMessages Consumed { get; } = new();
    public TestMailbox Mailbox { get; } = new();
    public IBus Bus => Services.GetRequiredService<IBus>();
    public TestClock Clock { get; } = new(DateTimeOffset.UtcNow);

    /// <summary>The SMTP server the host sends to: the shared sink, unless a fixture brings its own.</summary>
    protected virtual int SmtpPort => TestServices.SmtpPort;

    /// <summary>A real Kestrel listener on this port, for a browser; zero: the in-memory test server only.</summary>
    protected virtual int HttpPort => 0;

    /// <summary>Configuration a fixture adds to the host's.</summary>
    protected virtual IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>();

    public virtual async Task InitializeAsync()
    {
        ServerProcess.KillLeftovers(TestServices.Postgres);
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(host =>
        {
            host.UseSetting("ConnectionStrings:Postgres", TestServices.Postgres);
            host.UseSetting("RabbitMq:VirtualHost", TestServices.Vhost);
            host.UseSetting("Smtp:Port", SmtpPort.ToString());
            host.UseSetting("Delivery:PollInterval", "00:00:00.100");
            host.UseSetting("Delivery:FirstRetryDelay", "00:00:00.200");
            host.UseSetting("Delivery:ProbeInterval", "00:00:01");
            host.UseSetting("Designer:SignInAttemptsPerMinute", "1000"); // every test signs in from the same in-memory client
            host.UseSetting("Timers:PollInterval", "00:00:00.050");
            host.UseSetting("Inbound:Host", "127.0.0.1");
            host.UseSetting("Inbound:Port", TestServices.ImapPort.ToString());
            host.UseSetting("Inbound:Security", "None");
            host.UseSetting("Inbound:Username", TestServices.ImapUser);
            host.UseSetting("Inbound:Password", TestServices.ImapPassword);
            host.UseSetting("Consent:UnsubscribeMailto", TestServices.UnsubscribeAddress);
            foreach (var (key, value) in Settings) host.UseSetting(key, value);
            if (HttpPort > 0) host.UseSetting("urls", $"http://127.0.0.1:{HttpPort}");
            host.ConfigureTestServices(services =>
            {
                services.AddConsumeObserver(_ => Consumed);
                services.AddSingleton<TimeProvider>(Clock);
            });
        });
        if (HttpPort > 0)
        {
            _factory.UseKestrel(); // the port comes from "urls" above: UseKestrel(port) is lost on a WithWebHostBuilder copy
            _factory.StartServer();
        }
        else _ = _factory.Server; // starts the host: schema, bus and dispatcher are up before the first test
        await Task.CompletedTask;
    }

    public virtual async Task ResetAsync()
    {
        // Pooled connections may have been cut since the last test (the fault suite restarts PostgreSQL).
        Services.GetRequiredService<NpgsqlDataSource>().Clear();
        await QuiesceAsync();
        await TestState.ResetAsync(Services.GetRequiredService<IDocumentStore>(), Services.GetRequiredService<NpgsqlDataSource>(), Mail);
        await OrdersErrorQueue.PurgeAsync();
        await ConsentErrorQueue.PurgeAsync();
        await Mailbox.ClearAsync();
        // Back to the flows in workflows/, published as at start-up.
        (await Services.GetRequiredService<WorkflowFileImporter>().ImportAllAsync(CancellationToken.None)).ShouldBeEmpty();
        Services.GetRequiredService<FlowCatalog>().Invalidate();
        Consumed.Clear();
    }

    // A previous test's dispatcher may still be recording a send it made; cleaning under it would let that
    // late event recreate a stream in the next test. A test that leaves mail undeliverable on purpose must not
    // hold every later test up, hence the short deadline.
    private async Task QuiesceAsync()
    {
        try { await Eventually.Until(() => CountAsync(PendingSql), n => n == 0, "the last test's sends", TimeSpan.FromSeconds(5)); }
        catch (TimeoutException) { /* cleaned below regardless */ }
    }

    /// <summary>An HTTP client for the host, sending the API key from appsettings.json (or another, or none).</summary>
    public HttpClient CreateClient(string? apiKey = "careflows-dev-key", bool followRedirects = true)
    {
        // The options overload aims at http://localhost, which is right for the in-memory server only; a fixture on a real
        // Kestrel port (the browser tests') keeps the default client, which knows its address.
        var client = followRedirects ? _factory.CreateClient() : _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        if (apiKey is not null) client.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        return client;
    }

    /// <summary>Imports a flow file through the API and publishes it, as a marketer would; returns its id.</summary>
    public async Task<string> PublishFlowAsync(string json)
    {
        using var client = CreateClient();
        var imported = await client.PostAsync("/api/flows/import", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));
        imported.EnsureSuccessStatusCode();
        var id = (await imported.Content.ReadFromJsonAsync<System.Text.Json.Nodes.JsonObject>())!["id"]!.GetValue<string>();
        (await client.PostAsJsonAsync($"/api/flows/{id}/publish", new { note = "published by a test" })).EnsureSuccessStatusCode();
        return id;
    }

    public static string RepositoryFolder(string name) => CareFlows.Engine.FolderSearch.Up(AppContext.BaseDirectory, name);

    public Task<RawPublisher> RawPublisherAsync() => RawPublisher.ConnectAsync(TestServices.Amqp);

    /// <summary>An order's instance of a flow, as stored (null while it has none).</summary>
    public async Task<FlowInstance?> InstanceAsync(OrderPlaced order, string flowId = "close-the-loop")
    {
        await using var session = Services.GetRequiredService<IDocumentStore>().QuerySession();
        return await session.LoadAsync<FlowInstance>(FlowStreamId.For(flowId, order.OrderId));
    }

    /// <summary>The events of an order's instance of a flow, oldest first.</summary>
    public async Task<IReadOnlyList<IFlowEvent>> EventsAsync(OrderPlaced order, string flowId = "close-the-loop")
    {
        await using var session = Services.GetRequiredService<IDocumentStore>().QuerySession();
        return (await session.Events.FetchStreamAsync(FlowStreamId.For(flowId, order.OrderId))).Select(e => e.Data).OfType<IFlowEvent>().ToList();
    }

    /// <summary>The shop says the order's customer opted in (or out), as its checkout would; returns once it counts.</summary>
    public async Task ConsentAsync(OrderPlaced order, string category, bool optedIn = true, string source = "checkout")
    {
        await Bus.Publish(new CustomerConsentChanged
        {
            CustomerId = order.Customer.CustomerId, Email = order.Customer.Email, Category = category, OptedIn = optedIn, Source = source, ChangedAt = Clock.GetUtcNow(),
        });
        await Eventually.Until(() => ConsentOfAsync(order.Customer.CustomerId), c => c?.State.DecisionFor("email", category)?.OptedIn == optedIn, $"{category} consent to be {optedIn}");
    }

    public async Task<CustomerConsent?> ConsentOfAsync(string customerId)
    {
        await using var session = Services.GetRequiredService<IDocumentStore>().QuerySession();
        return await session.LoadAsync<CustomerConsent>(ConsentStreamId.For(customerId));
    }

    /// <summary>Moves the clock a day at a time, each time until no timer is due, until the order's instance has ended.</summary>
    public async Task<FlowInstance> RunToEndAsync(OrderPlaced order, int maxDays = 60)
    {
        for (var day = 0; day < maxDays; day++)
        {
            if (await InstanceAsync(order) is { Status: InstanceStatus.Completed or InstanceStatus.Exited } ended) return ended;
            Clock.Advance(TimeSpan.FromDays(1));
            await Eventually.Until(() => CountAsync($"select count(*) from careflows.timers where due_at <= '{Clock.GetUtcNow():O}'"), n => n == 0, "the due timers to fire");
        }
        throw new TimeoutException($"the instance of {order.OrderId} did not end within {maxDays} days");
    }

    public Task<long> CountAsync(string sql) => TestState.CountAsync(Services.GetRequiredService<NpgsqlDataSource>(), sql);

    /// <summary>Until the outbox holds nothing that is still to be sent.</summary>
    public Task OutboxDrainedAsync() => Eventually.Until(() => CountAsync(PendingSql), n => n == 0, "an empty outbox");

    private const string PendingSql = $"select count(*) from {OutboxSchema.Table} where status in ('pending', 'sending')";

    public virtual async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        Mail.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class CareFlowsCollection : ICollectionFixture<CareFlowsFixture>
{
    public const string Name = "CareFlows on real services";
}
