using System.Net.Http.Json;
using CareFlows.Contracts.Orders;
using CareFlows.IntegrationTests.Infrastructure;
using CareFlows.Engine.Runtime;
using CareFlows.Server.Flows;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace CareFlows.IntegrationTests.Orders;

[Collection(CareFlowsCollection.Name)]
public class OrderConfirmationTests(CareFlowsFixture app) : IAsyncLifetime
{
    public Task InitializeAsync() => app.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task a_placed_order_reaches_the_customer_as_a_confirmation_with_its_lines_and_total()
    {
        var order = TestOrders.New();

        await app.Bus.Publish(order);

        var email = (await app.Mail.WaitForAsync(order.Customer.Email)).ShouldHaveSingleItem();
        email.Subject.ShouldBe($"Your order {order.OrderNumber} is confirmed");
        email.Text.ShouldContain("Thank you, Ada!");
        email.Text.ShouldContain("2 x Stoneware mug: £29.00");
        email.Text.ShouldContain("1 x Earl Grey tea: £9.90");
        email.Text.ShouldContain("Total: £38.90");
        email.Html.ShouldContain("Stoneware mug");
        email.Html.ShouldContain("£38.90");
    }

    [Fact]
    public async Task the_send_is_recorded_on_the_flow_instance_with_the_emails_message_id()
    {
        var order = TestOrders.New();

        await app.Bus.Publish(order);
        var email = (await app.Mail.WaitForAsync(order.Customer.Email)).ShouldHaveSingleItem();

        var streamId = FlowStreamId.For("close-the-loop", order.OrderId);
        await using var session = app.Services.GetRequiredService<IDocumentStore>().QuerySession();
        var events = await Eventually.Until(() => session.Events.FetchStreamAsync(streamId),
            e => e.Any(x => x.Data is EmailSent), "EmailSent on the instance's stream");
        var queued = events.Select(e => e.Data).OfType<EmailQueued>().ShouldHaveSingleItem();
        var sent = events.Select(e => e.Data).OfType<EmailSent>().ShouldHaveSingleItem();
        sent.MessageId.ShouldBe(queued.MessageId);
        email.Header("message-id").ShouldBe($"<{sent.MessageId}>");
        events[0].Data.ShouldBeOfType<FlowStarted>().FlowId.ShouldBe("close-the-loop");
    }

    [Fact]
    public async Task the_message_log_of_an_order_shows_the_confirmation_as_sent()
    {
        var order = TestOrders.New();
        await app.Bus.Publish(order);
        await app.Mail.WaitForAsync(order.Customer.Email);
        await app.OutboxDrainedAsync();
        using var client = app.CreateClient();

        var log = (await client.GetFromJsonAsync<System.Text.Json.Nodes.JsonArray>($"/api/messages?orderId={order.OrderId}"))!;

        var message = log.ShouldHaveSingleItem()!;
        message["template"]!.GetValue<string>().ShouldBe("order-confirmation");
        message["status"]!.GetValue<string>().ShouldBe("sent");
        message["subject"]!.GetValue<string>().ShouldBe($"Your order {order.OrderNumber} is confirmed");
        message["flowVersion"]!.GetValue<int>().ShouldBe(2);
    }

    [Fact]
    public async Task the_same_order_event_twice_sends_exactly_one_email()
    {
        var order = TestOrders.New();

        await app.Bus.Publish(order);
        await app.Bus.Publish(order);
        await app.Consumed.WaitForAsync<OrderPlaced>(2);
        await app.OutboxDrainedAsync();

        (await app.Mail.WaitForAsync(order.Customer.Email)).Count.ShouldBe(1);
        await using var session = app.Services.GetRequiredService<IDocumentStore>().QuerySession();
        var events = await session.Events.FetchStreamAsync(FlowStreamId.For("close-the-loop", order.OrderId));
        events.Count(e => e.Data is FlowStarted).ShouldBe(1);
        events.Count(e => e.Data is EmailQueued).ShouldBe(1);
    }

    [Fact]
    public async Task html_in_a_first_name_is_escaped_in_the_html_part()
    {
        var order = TestOrders.New(firstName: "<script>alert('x')</script>");

        await app.Bus.Publish(order);

        var email = (await app.Mail.WaitForAsync(order.Customer.Email)).ShouldHaveSingleItem();
        email.Html.ShouldNotContain("<script>");
        email.Html.ShouldContain("Thank you, &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;!");
    }

    [Fact]
    public async Task a_shop_without_masstransit_publishes_through_the_raw_envelope()
    {
        var order = TestOrders.New(locale: "fr-FR");

        await using (var publisher = await app.RawPublisherAsync()) await publisher.PublishAsync(order);

        (await app.Mail.WaitForAsync(order.Customer.Email)).ShouldHaveSingleItem()
            .Subject.ShouldBe($"Votre commande {order.OrderNumber} est confirmée");
    }
}
