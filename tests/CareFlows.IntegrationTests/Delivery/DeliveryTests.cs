using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using CareFlows.Contracts.Orders;
using CareFlows.Engine.Runtime;
using CareFlows.IntegrationTests.Infrastructure;
using CareFlows.IntegrationTests.Orders;
using CareFlows.Server.Delivery;
using CareFlows.Server.Flows;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace CareFlows.IntegrationTests.Delivery;

[Collection(DeliveryCollection.Name)]
public class DeliveryTests(DeliveryFixture app) : IAsyncLifetime
{
    public Task InitializeAsync() => app.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task while_the_smtp_server_is_down_mail_waits_and_afterwards_each_message_arrives_once()
    {
        app.Smtp.Stop();
        var orders = Enumerable.Range(0, 3).Select(_ => TestOrders.New() with { PlacedAt = app.Clock.GetUtcNow() }).ToList();
        foreach (var order in orders) await app.Bus.Publish(order);

        await Eventually.Until(() => app.CountAsync("select count(*) from careflows.outbox where status = 'pending' and attempts >= 1 and last_error is not null"),
            n => n == orders.Count, "every confirmation to have failed once and be waiting to be retried");
        app.Smtp.Received.ShouldBeEmpty();

        app.Smtp.Start();
        app.Clock.Advance(TimeSpan.FromMinutes(10)); // past the retry's backoff
        await Eventually.Until(() => Task.FromResult(app.Smtp.Received.Count), n => n >= orders.Count, "the retried confirmations");
        await app.OutboxDrainedAsync();

        foreach (var order in orders) app.Smtp.Received.Count(m => m.To.Contains(order.Customer.Email)).ShouldBe(1);
        app.Smtp.Received.Count.ShouldBe(orders.Count);
        (await app.CountAsync("select count(*) from careflows.outbox where status <> 'sent'")).ShouldBe(0);
    }

    [Fact]
    public async Task after_an_smtp_outage_waiting_mail_goes_as_soon_as_the_server_is_back_not_after_its_back_off()
    {
        app.Smtp.Stop();
        var orders = Enumerable.Range(0, 5).Select(_ => TestOrders.New() with { PlacedAt = app.Clock.GetUtcNow() }).ToList();
        foreach (var order in orders) await app.Bus.Publish(order);
        await Eventually.Until(() => app.CountAsync("select count(*) from careflows.outbox where status = 'pending' and retry_kind = 'server' and due_at > created_at"),
            n => n == orders.Count, "every confirmation to wait for the server");

        // The test clock does not move: each message's back-off never runs out. Only the server's return can send them.
        app.Smtp.Start();
        var back = System.Diagnostics.Stopwatch.StartNew();
        await Eventually.Until(() => Task.FromResult(app.Smtp.Received.Count), n => n >= orders.Count, "the waiting confirmations", TimeSpan.FromSeconds(15));
        back.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(15));
        await app.OutboxDrainedAsync();

        foreach (var order in orders) app.Smtp.Received.Count(m => m.To.Contains(order.Customer.Email)).ShouldBe(1);
        app.Smtp.Received.Count.ShouldBe(orders.Count);
    }

    [Fact]
    public async Task an_order_after_the_smtp_server_closed_idle_connections_is_sent_at_once_and_not_counted_as_a_failure()
    {
        // From here on the server behaves like maildev: a connection silent for a second gets a 421 and is closed. The
        // restart also drops every connection the sender holds in its pool, as a relay's restart would.
        app.Smtp.IdleTimeout = TimeSpan.FromSeconds(1);
        app.Smtp.Stop();
        app.Smtp.Start();
        try
        {
            var (acceptedAtStart, closedAtStart) = (app.Smtp.ConnectionsAccepted, app.Smtp.IdleConnectionsClosed);
            var first = TestOrders.New() with { PlacedAt = app.Clock.GetUtcNow() };
            await app.Bus.Publish(first);
            await Eventually.Until(() => Task.FromResult(app.Smtp.Received.Count(m => m.To.Contains(first.Customer.Email))), n => n == 1,
                "the first confirmation, although every pooled connection had been dropped", TimeSpan.FromSeconds(5));
            await Eventually.Until(() => Task.FromResult(app.Smtp.IdleConnectionsClosed - closedAtStart), n => n == app.Smtp.ConnectionsAccepted - acceptedAtStart,
                "the server to close every idle connection with a 421");
            var acceptedBefore = app.Smtp.ConnectionsAccepted;

            var second = TestOrders.New() with { PlacedAt = app.Clock.GetUtcNow() };
            await app.Bus.Publish(second);
            var received = await Eventually.Until(() => Task.FromResult(app.Smtp.Received.Where(m => m.To.Contains(second.Customer.Email)).ToList()),
                m => m.Count == 1, "the second confirmation, on a fresh connection", TimeSpan.FromSeconds(5));

            received.Single().Subject.ShouldStartWith("Your order");
            app.Smtp.ConnectionsAccepted.ShouldBeGreaterThan(acceptedBefore);
            // Neither message was counted as a failed attempt or waited for a retry.
            (await app.CountAsync("select count(*) from careflows.outbox where attempts <> 1 or last_error is not null")).ShouldBe(0);
        }
        finally
        {
            app.Smtp.IdleTimeout = null;
        }
    }

    [Fact]
    public async Task a_5xx_is_recorded_as_a_bounce_and_the_address_gets_no_further_service_mail()
    {
        var order = TestOrders.New() with { PlacedAt = app.Clock.GetUtcNow() };
        app.Smtp.RefusedRecipients[order.Customer.Email] = "no such user here";

        await app.Bus.Publish(order);
        var events = await Eventually.Until(() => app.EventsAsync(order), e => e.OfType<EmailFailed>().Any(), "the bounce on the instance");
        var bounce = events.OfType<EmailFailed>().Single();
        bounce.Permanent.ShouldBeTrue();
        bounce.Reason.ShouldStartWith("550");
        (await app.CountAsync("select count(*) from careflows.outbox where status = 'bounced'")).ShouldBe(1);
        var onRecord = await Eventually.Until(() => app.ConsentOfAsync(order.Customer.CustomerId), c => c?.State.Bounced is not null, "the bounce on the customer's record");
        onRecord!.State.Bounced!.Reason.ShouldStartWith("550");

        app.Clock.Advance(TimeSpan.FromDays(1)); // the reassurance, a service message, is due
        events = await Eventually.Until(() => app.EventsAsync(order), e => e.OfType<EmailSkipped>().Any(), "the reassurance to be skipped");
        var skipped = events.OfType<EmailSkipped>().Single();
        skipped.Template.ShouldBe("reassurance");
        skipped.Reason.ShouldStartWith("address bounced on");
        app.Smtp.Received.ShouldBeEmpty();
        (await app.InstanceAsync(order))!.State.Waiting!.ActivityId.ShouldBe("wait-for-delivery"); // the flow went on

        using var client = app.CreateClient();
        var log = (await client.GetFromJsonAsync<JsonArray>($"/api/messages?customerId={order.Customer.CustomerId}", new JsonSerializerOptions(JsonSerializerDefaults.Web)))!;
        log.Select(m => (m!["template"]!.GetValue<string>(), m["status"]!.GetValue<string>())).ShouldBe([("order-confirmation", "bounced"), ("reassurance", "skipped")]);
        log[0]!["reason"]!.GetValue<string>().ShouldStartWith("550");
        log[1]!["reason"]!.GetValue<string>().ShouldStartWith("address bounced on");
    }
}
