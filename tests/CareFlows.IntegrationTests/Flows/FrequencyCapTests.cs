using CareFlows.Engine.Runtime;
using CareFlows.IntegrationTests.Infrastructure;
using CareFlows.IntegrationTests.Orders;
using CareFlows.Server.Flows;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace CareFlows.IntegrationTests.Flows;

/// <summary>The marketing frequency cap across flows (default: one per customer per 16 hours).</summary>
[Collection(CareFlowsCollection.Name)]
public class FrequencyCapTests(CareFlowsFixture app) : IAsyncLifetime
{
    public Task InitializeAsync() => app.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    private static string OneEmailFlow(string id, string template, string category, string cap = "apply") => $$"""
        {
          "id": "{{id}}", "name": "{{id}}", "version": 1,
          "activities": [
            { "id": "placed", "type": "OrderPlaced" },
            { "id": "send", "type": "SendEmail", "properties": { "template": "{{template}}", "category": "{{category}}", "cap": "{{cap}}" } }
          ],
          "connections": [ { "source": { "activity": "placed", "port": "Done" }, "target": { "activity": "send" } } ]
        }
        """;

    [Fact]
    public async Task a_second_marketing_message_from_another_flow_is_skipped_while_transactional_mail_still_goes()
    {
        await app.PublishFlowAsync(OneEmailFlow("offer-a", "reassurance", "marketing"));
        await app.PublishFlowAsync(OneEmailFlow("offer-b", "support-reminder", "marketing"));
        var order = TestOrders.New() with { PlacedAt = app.Clock.GetUtcNow() };
        await app.ConsentAsync(order, "marketing");

        await app.Bus.Publish(order);
        await app.Consumed.WaitForAsync<CareFlows.Contracts.Orders.OrderPlaced>(1);
        await app.OutboxDrainedAsync();

        var subjects = (await app.Mail.ToAsync(order.Customer.Email)).Select(m => m.Subject).ToList();
        subjects.ShouldContain(s => s.StartsWith("Your order"), "the transactional confirmation is never capped");
        subjects.Count.ShouldBe(2, string.Join(" | ", subjects));
        var skipped = (await EventsOf(order, "offer-a")).Concat(await EventsOf(order, "offer-b")).OfType<EmailSkipped>().ShouldHaveSingleItem();
        skipped.Reason.ShouldStartWith("frequency cap: 1 marketing message(s) in the last 16 hours");
    }

    [Fact]
    public async Task a_step_that_holds_sends_once_the_cap_allows()
    {
        await app.PublishFlowAsync(OneEmailFlow("offer-a", "reassurance", "marketing"));
        await app.PublishFlowAsync(OneEmailFlow("offer-held", "support-reminder", "marketing", cap: "hold"));
        var order = TestOrders.New() with { PlacedAt = app.Clock.GetUtcNow() };
        await app.ConsentAsync(order, "marketing");

        await app.Bus.Publish(order);
        await app.Consumed.WaitForAsync<CareFlows.Contracts.Orders.OrderPlaced>(1);
        await Eventually.Until(() => app.Mail.ToAsync(order.Customer.Email), m => m.Count == 2, "the confirmation and one offer");
        (await app.CountAsync("select count(*) from careflows.outbox where status = 'pending'")).ShouldBe(1, "the held offer waits");

        app.Clock.Advance(TimeSpan.FromHours(16) + TimeSpan.FromMinutes(1));
        await Eventually.Until(() => app.Mail.ToAsync(order.Customer.Email), m => m.Count == 3, "the held offer, once the cap allows");
    }

    private async Task<IReadOnlyList<IFlowEvent>> EventsOf(CareFlows.Contracts.Orders.OrderPlaced order, string flowId)
    {
        await using var session = app.Services.GetRequiredService<IDocumentStore>().QuerySession();
        return (await session.Events.FetchStreamAsync(FlowStreamId.For(flowId, order.OrderId))).Select(e => (IFlowEvent)e.Data).ToList();
    }
}
