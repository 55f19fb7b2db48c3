using System.Diagnostics;
using CareFlows.Contracts.Orders;
using CareFlows.IntegrationTests.Infrastructure;
using CareFlows.IntegrationTests.Orders;
using CareFlows.TestSupport;

namespace CareFlows.IntegrationTests.Faults;

/// <summary>
/// The faults a production system meets, injected into the real services while a real server process works through
/// a burst of orders. Each test counts at the SMTP server by recipient: every expected email exactly once, none
/// missing, and the last one within a bound after the fault ended. The figures go to artifacts/fault-suite.md.
/// (A kill -9 of the server mid-run is in ServerProcessTests; idle SMTP connections in DeliveryTests.)
/// </summary>
[Collection(ServerProcessesCollection.Name)]
public class FaultSuiteTests(ServerProcessesFixture app) : IAsyncLifetime
{
    private static readonly string[] Expected = ["Your order", "Good choice", "We are here if you need us"];

    public Task InitializeAsync() => app.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task a_broker_restart_mid_burst_loses_and_duplicates_no_email()
    {
        await using var server = await app.StartServerAsync("broker-restart");
        var before = Orders(40);
        var after = Orders(20);
        await PublishAsync(before);

        await ServiceControl.StopBrokerAsync();
        await ServiceControl.StartBrokerAsync();
        var ended = Stopwatch.StartNew();
        await PublishAsync(after); // a shop's publisher connects again, as any would

        var mail = await Eventually.Until(() => SinkAsync(), m => m.Count >= (before.Count + after.Count) * Expected.Length,
            $"every email after the broker restart ({server})", TimeSpan.FromSeconds(90));
        Assess("RabbitMQ stop_app / start_app mid-burst", [.. before, .. after], mail, ended.Elapsed, TimeSpan.FromSeconds(45));
    }

    [Fact]
    public async Task a_postgres_restart_mid_burst_loses_and_duplicates_no_email()
    {
        await using var server = await app.StartServerAsync("postgres-restart");
        var orders = Orders(60);
        await PublishAsync(orders);

        await ServiceControl.RestartPostgresAsync();
        var ended = Stopwatch.StartNew();
        app.DataSource.Clear(); // this test's own pooled connections were cut too

        var mail = await Eventually.Until(() => SinkAsync(), m => m.Count >= orders.Count * Expected.Length,
            $"every email after the PostgreSQL restart ({server})", TimeSpan.FromSeconds(90));
        Assess("PostgreSQL restart (fast) mid-burst", orders, mail, ended.Elapsed, TimeSpan.FromSeconds(45));
    }

    [Fact]
    public async Task the_smtp_server_down_for_30_s_mid_burst_then_back_every_email_arrives_once_within_15_s()
    {
        await using var smtp = new RecordingSmtpServer();
        smtp.Start();
        await using var server = await app.StartServerAsync("smtp-outage", ("Smtp:Port", smtp.Port.ToString()));
        var orders = Orders(40);
        await PublishAsync(orders);
        await Eventually.Until(() => Task.FromResult(smtp.Received.Count), n => n >= 10, "the burst to be under way");

        smtp.Stop();
        // The outage itself: thirty seconds of real time is the fault being tested, not a wait for a condition.
        await Task.Delay(TimeSpan.FromSeconds(30));
        smtp.Start();
        var ended = Stopwatch.StartNew();

        var mail = await Eventually.Until(() => Task.FromResult<IReadOnlyList<(string To, string Subject)>>(
                smtp.Received.SelectMany(m => m.To.Select(to => (to, m.Subject))).ToList()),
            m => m.Count >= orders.Count * Expected.Length, $"every email after the SMTP server came back ({server})", TimeSpan.FromSeconds(60));
        Assess("SMTP server down 30 s mid-burst", orders, mail, ended.Elapsed, TimeSpan.FromSeconds(15));
    }

    private static List<OrderPlaced> Orders(int count) => Enumerable.Range(0, count).Select(_ => TestOrders.New()).ToList();

    private async Task PublishAsync(IEnumerable<OrderPlaced> orders)
    {
        await using var publisher = await app.RawPublisherAsync();
        foreach (var order in orders) await publisher.PublishAsync(order);
    }

    private async Task<IReadOnlyList<(string To, string Subject)>> SinkAsync() =>
        (await app.Mail.AllAsync()).SelectMany(m => m.To.Select(t => (t.Address, m.Subject))).ToList();

    // Exactly the expected emails, each once; and the last of them within the bound after the fault ended.
    private static void Assess(string fault, IReadOnlyList<OrderPlaced> orders, IReadOnlyList<(string To, string Subject)> mail, TimeSpan lastAfter, TimeSpan bound)
    {
        var expected = orders.SelectMany(o => Expected.Select(subject => (o.Customer.Email, subject))).ToList();
        var received = mail.Select(m => (m.To, Kind: Expected.FirstOrDefault(e => m.Subject.StartsWith(e)) ?? m.Subject)).ToList();
        var distinct = received.Distinct().Count();
        var duplicates = received.Count - distinct;
        var missing = expected.Except(received).Count();
        FaultFigures.Record(fault, expected.Count, distinct, duplicates, missing, lastAfter);

        duplicates.ShouldBe(0, fault);
        missing.ShouldBe(0, fault);
        distinct.ShouldBe(expected.Count, fault);
        lastAfter.ShouldBeLessThan(bound, fault);
    }
}
