using CareFlows.Contracts.Orders;
using CareFlows.Engine.Runtime;
using CareFlows.IntegrationTests.Infrastructure;
using CareFlows.IntegrationTests.Orders;
using CareFlows.Server.Discounts;
using CareFlows.Server.Flows;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace CareFlows.IntegrationTests.Flows;

/// <summary>The default flow end to end on the real services, with the host's clock moved by the test.</summary>
[Collection(CareFlowsCollection.Name)]
public class CloseTheLoopFlowTests(CareFlowsFixture app) : IAsyncLifetime
{
    public Task InitializeAsync() => app.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task a_delivered_order_gets_five_emails_each_once_at_their_times()
    {
        app.Clock.AdvanceToNextUtc(new TimeOnly(10, 0)); // 10:00 in London: inside the send window
        var order = TestOrders.New() with { PlacedAt = app.Clock.GetUtcNow() };
        var to = order.Customer.Email;
        await app.ConsentAsync(order, "marketing"); // the checkout's "send me offers" box: the discount is marketing

        await app.Bus.Publish(order);
        await ExpectSubjects(to, "Your order");

        app.Clock.Advance(TimeSpan.FromDays(1));
        await ExpectSubjects(to, "Your order", "Good choice, Ada");

        await app.Bus.Publish(new OrderDelivered { OrderId = order.OrderId, DeliveredAt = app.Clock.GetUtcNow() });
        await WaitingFor(order, "three-days-after-delivery");
        app.Clock.Advance(TimeSpan.FromDays(3));
        await ExpectSubjects(to, "Your order", "Good choice, Ada", "How is everything, Ada?");

        app.Clock.Advance(TimeSpan.FromDays(4));
        await ExpectSubjects(to, "Your order", "Good choice, Ada", "How is everything, Ada?", "We are here if you need us");

        app.Clock.Advance(TimeSpan.FromDays(7));
        var mails = await ExpectSubjects(to, "Your order", "Good choice, Ada", "How is everything, Ada?", "We are here if you need us", "A thank-you from");

        var code = await IssuedCode(order);
        mails.Single(m => m.Subject.StartsWith("A thank-you")).Text.ShouldContain(code.Id);
        code.Value.ShouldBe(15m);
        code.ExpiresAt.ShouldBe(app.Clock.GetUtcNow().AddDays(30));
        (await app.InstanceAsync(order))!.Status.ShouldBe(InstanceStatus.Completed);
        (await app.CountAsync("select count(*) from careflows.timers")).ShouldBe(0);
    }

    [Fact]
    public async Task a_cancelled_order_leaves_the_flow_and_gets_no_further_email()
    {
        var order = TestOrders.New() with { PlacedAt = app.Clock.GetUtcNow() };
        await app.Bus.Publish(order);
        await ExpectSubjects(order.Customer.Email, "Your order");

        await app.Bus.Publish(new OrderCancelled { OrderId = order.OrderId, CancelledAt = app.Clock.GetUtcNow(), Reason = "changed my mind" });
        var instance = await Eventually.Until(() => app.InstanceAsync(order), i => i?.Status == InstanceStatus.Exited, "the instance to exit");
        instance!.State.ExitReason.ShouldBe("OrderCancelled: changed my mind");
        (await app.CountAsync("select count(*) from careflows.timers")).ShouldBe(0);

        app.Clock.Advance(TimeSpan.FromDays(30));
        await app.OutboxDrainedAsync();
        (await app.Mail.ToAsync(order.Customer.Email)).Count.ShouldBe(1);
    }

    [Fact]
    public async Task a_refund_after_delivery_means_no_surprise_discount()
    {
        app.Clock.AdvanceToNextUtc(new TimeOnly(10, 0));
        var order = TestOrders.New() with { PlacedAt = app.Clock.GetUtcNow() };
        await app.Bus.Publish(order);
        await app.Bus.Publish(new OrderDelivered { OrderId = order.OrderId, DeliveredAt = app.Clock.GetUtcNow() });
        await ExpectSubjects(order.Customer.Email, "Your order");
        app.Clock.Advance(TimeSpan.FromDays(1));
        await ExpectSubjects(order.Customer.Email, "Your order", "Good choice, Ada");

        await app.Bus.Publish(new OrderRefunded { OrderId = order.OrderId, RefundedAt = app.Clock.GetUtcNow(), Amount = 38.90m, Currency = "GBP" });
        await Eventually.Until(() => app.InstanceAsync(order), i => i?.Status == InstanceStatus.Exited, "the instance to exit");
        app.Clock.Advance(TimeSpan.FromDays(30));
        await app.OutboxDrainedAsync();

        (await app.Mail.ToAsync(order.Customer.Email)).Select(m => m.Subject).ShouldNotContain(s => s.StartsWith("A thank-you"));
        await using var session = app.Services.GetRequiredService<IDocumentStore>().QuerySession();
        (await session.Query<DiscountCode>().CountAsync(c => c.OrderId == order.OrderId)).ShouldBe(0);
    }

    private async Task<IReadOnlyList<ReceivedEmail>> ExpectSubjects(string to, params string[] subjectStarts)
    {
        var mails = await Eventually.Until(() => app.Mail.ToAsync(to), m => m.Count >= subjectStarts.Length, $"{subjectStarts.Length} emails to {to}");
        await app.OutboxDrainedAsync();
        mails = await app.Mail.ToAsync(to);
        mails.Count.ShouldBe(subjectStarts.Length, $"emails to {to}: {string.Join(" | ", mails.Select(m => m.Subject))}");
        foreach (var start in subjectStarts) mails.Count(m => m.Subject.StartsWith(start)).ShouldBe(1, $"'{start}' once");
        return mails;
    }


    private Task WaitingFor(OrderPlaced order, string activityId) =>
        Eventually.Until(() => app.InstanceAsync(order), i => i?.State.Waiting?.ActivityId == activityId, $"the instance to wait at {activityId}");

    private async Task<DiscountCode> IssuedCode(OrderPlaced order)
    {
        await using var session = app.Services.GetRequiredService<IDocumentStore>().QuerySession();
        return (await session.Query<DiscountCode>().Where(c => c.OrderId == order.OrderId).ToListAsync()).ShouldHaveSingleItem();
    }
}
