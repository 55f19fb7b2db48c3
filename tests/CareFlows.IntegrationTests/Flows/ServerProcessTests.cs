using CareFlows.Contracts.Orders;
using CareFlows.IntegrationTests.Infrastructure;
using CareFlows.IntegrationTests.Orders;
using CareFlows.TestSupport;

namespace CareFlows.IntegrationTests.Flows;

[Collection(ServerProcessesCollection.Name)]
public class ServerProcessTests(ServerProcessesFixture app) : IAsyncLifetime
{
    private static readonly string[] Expected = ["Your order", "Good choice", "We are here if you need us"];

    public Task InitializeAsync() => app.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task with_two_processes_and_one_killed_mid_run_every_email_arrives_exactly_once()
    {
        // The worker runs steps (consumers and timers) but sends nothing, so killing it interrupts steps, never an
        // SMTP conversation. (A send cut off mid-conversation is recorded as in doubt and not repeated: see ARCHITECTURE.)
        await using var worker = await app.StartServerAsync("worker", ("Delivery:Enabled", "false"));
        await using var full = await app.StartServerAsync("full");
        var orders = Enumerable.Range(0, 30).Select(_ => TestOrders.New()).ToList();

        await PublishAsync(orders);
        await Eventually.Until(() => app.CountAsync("select count(*) from careflows.timers"), n => n >= 10, "instances waiting on timers");
        await worker.KillAsync();

        await EveryOrderGetsEachEmailOnce(orders, worker, full);
    }

    [Fact]
    public async Task two_processes_sending_from_one_outbox_send_each_message_once()
    {
        await using var first = await app.StartServerAsync("sender-1");
        await using var second = await app.StartServerAsync("sender-2");
        var orders = Enumerable.Range(0, 30).Select(_ => TestOrders.New()).ToList();

        await PublishAsync(orders);

        await EveryOrderGetsEachEmailOnce(orders, first, second);
    }

    [Fact]
    public async Task a_sending_process_killed_mid_burst_leaves_at_most_two_rounds_in_doubt_and_sends_nothing_twice()
    {
        // Four connections, so a round is four messages. A process marks a round while the outcomes of the round
        // before commit, so a kill can leave two rounds 'sending', every message of them attempted, and no more.
        const int rounds = 2, connections = 4;
        await using var killed = await app.StartServerAsync("sender-killed", ("Smtp:Concurrency", $"{connections}"));
        var orders = Enumerable.Range(0, 150).Select(_ => TestOrders.New()).ToList();
        await PublishAsync(orders);
        await Eventually.Until(() => app.CountAsync("select count(*) from careflows.outbox where status = 'sent'"), n => n >= 30, "a burst of sends under way");
        await killed.KillAsync();

        (await app.CountAsync("select count(*) from careflows.outbox where status = 'sending'")).ShouldBeLessThanOrEqualTo((long)(rounds * connections));

        // The next process takes over once the dead one's leases run out; what the dead one left 'sending' becomes a doubt.
        await using var next = await app.StartServerAsync("sender-after", ("Smtp:Concurrency", $"{connections}"));
        var total = orders.Count * Expected.Length;
        await Eventually.Until(() => app.CountAsync("select count(*) from careflows.outbox where status in ('sent', 'doubt')"), n => n == total,
            $"{total} emails sent or in doubt", TimeSpan.FromSeconds(90));
        var doubts = await app.CountAsync("select count(*) from careflows.outbox where status = 'doubt'");
        doubts.ShouldBeLessThanOrEqualTo((long)(rounds * connections));

        var mail = await app.Mail.AllAsync();
        foreach (var order in orders)
        {
            var subjects = mail.Where(m => m.To.Any(t => t.Address == order.Customer.Email)).Select(m => m.Subject).ToList();
            foreach (var start in Expected) subjects.Count(s => s.StartsWith(start)).ShouldBeLessThanOrEqualTo(1, $"emails to {order.Customer.Email}: {string.Join(" | ", subjects)}");
        }
        // Every message recorded sent arrived; a doubt may or may not have.
        mail.Count.ShouldBeInRange(total - (int)doubts, total);
    }

    [Fact]
    public async Task timers_pending_when_the_server_stops_fire_after_it_starts_again()
    {
        var orders = Enumerable.Range(0, 5).Select(_ => TestOrders.New()).ToList();
        await using (var first = await app.StartServerAsync("before-restart"))
        {
            await PublishAsync(orders);
            await Eventually.Until(() => app.CountAsync("select count(*) from careflows.timers"), n => n == orders.Count, "every instance waiting");
            await first.StopAsync();
        }
        (await app.CountAsync("select count(*) from careflows.timers")).ShouldBe(orders.Count);

        await using var second = await app.StartServerAsync("after-restart");
        await EveryOrderGetsEachEmailOnce(orders, second);
    }

    [Fact]
    public async Task the_server_log_of_a_run_with_duplicates_and_races_holds_no_address_name_body_or_link()
    {
        await using var server = await app.StartServerAsync("log-scan",
            ("Logging:LogLevel:Default", "Information"), ("Logging:LogLevel:CareFlows", "Debug"), ("Logging:LogLevel:Marten", "Debug"));
        var orders = Enumerable.Range(0, 10).Select(i => TestOrders.New(firstName: $"Zelda{i}x")).ToList();

        // Each order twice at once: two copies of a new OrderPlaced race to start the same instance.
        await using (var publisher = await app.RawPublisherAsync())
            foreach (var order in orders)
            {
                await publisher.PublishAsync(order);
                await publisher.PublishAsync(order);
            }
        await EveryOrderGetsEachEmailOnce(orders, server);
        await server.StopAsync();

        var log = await File.ReadAllTextAsync(server.LogPath);
        log.ShouldContain("Sent "); // the log was written at the level the test meant
        foreach (var order in orders)
        {
            log.ShouldNotContain(order.Customer.Email, Case.Insensitive);
            log.ShouldNotContain(order.Customer.FirstName);
        }
        log.ShouldNotContain("token=");
        log.ShouldNotContain("<html", Case.Insensitive);
        log.ShouldNotContain(" fail: ");
    }

    private async Task PublishAsync(IEnumerable<OrderPlaced> orders)
    {
        await using var publisher = await app.RawPublisherAsync();
        foreach (var order in orders) await publisher.PublishAsync(order);
    }

    private async Task EveryOrderGetsEachEmailOnce(IReadOnlyList<OrderPlaced> orders, params ServerProcess[] servers)
    {
        var total = orders.Count * Expected.Length;
        var mail = await Eventually.Until(() => app.Mail.AllAsync(), m => m.Count >= total,
            $"{total} emails (servers: {string.Join(", ", servers.AsEnumerable())})", TimeSpan.FromSeconds(60));
        await Eventually.Until(() => app.CountAsync("select count(*) from careflows.outbox where status <> 'sent'"), n => n == 0, "every queued email sent");

        foreach (var order in orders)
        {
            var subjects = mail.Where(m => m.To.Any(t => t.Address == order.Customer.Email)).Select(m => m.Subject).ToList();
            subjects.Count.ShouldBe(Expected.Length, $"emails to {order.Customer.Email}: {string.Join(" | ", subjects)}");
            foreach (var start in Expected) subjects.Count(s => s.StartsWith(start)).ShouldBe(1);
        }
        (await app.Mail.AllAsync()).Count.ShouldBe(total);
    }
}
