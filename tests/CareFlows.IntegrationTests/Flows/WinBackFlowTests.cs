using CareFlows.Contracts.Orders;
using CareFlows.Engine.Runtime;
using CareFlows.IntegrationTests.Infrastructure;
using CareFlows.IntegrationTests.Orders;

namespace CareFlows.IntegrationTests.Flows;

/// <summary>The win-back starting point on the real server: a customer's next order reaches the instance of their earlier one.</summary>
[Collection(CareFlowsCollection.Name)]
public class WinBackFlowTests(CareFlowsFixture app) : IAsyncLifetime
{
    public Task InitializeAsync() => app.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task a_customer_who_orders_again_is_not_won_back_and_a_quiet_customer_is_after_60_days()
    {
        await app.PublishFlowAsync(await File.ReadAllTextAsync(Path.Combine(CareFlowsFixture.RepositoryFolder("workflows"), "templates", "win-back.json")));
        var quiet = TestOrders.New() with { PlacedAt = app.Clock.GetUtcNow() };
        var returning = TestOrders.New() with { PlacedAt = app.Clock.GetUtcNow() };
        await app.ConsentAsync(quiet, "marketing");
        await app.ConsentAsync(returning, "marketing");
        await app.Bus.Publish(quiet);
        await app.Bus.Publish(returning);
        await app.Consumed.WaitForAsync<OrderPlaced>(2);

        app.Clock.Advance(TimeSpan.FromDays(10));
        var again = TestOrders.New() with { Customer = returning.Customer, PlacedAt = app.Clock.GetUtcNow() };
        await app.Bus.Publish(again);
        await app.Consumed.WaitForAsync<OrderPlaced>(3);
        var ended = await Eventually.Until(() => app.InstanceAsync(returning, "win-back"), i => i?.Status == InstanceStatus.Completed,
            "the earlier order's win-back ended by the next order");
        ended!.State.ObservedEvents.ShouldContainKey("NextOrderPlaced");
        (await app.InstanceAsync(quiet, "win-back"))!.Status.ShouldBe(InstanceStatus.Waiting);

        // Day 61, then 62 (the send window may hold it until the morning): the quiet customer's 60 days are up, the
        // returning customer's new order has 60 days of its own.
        foreach (var days in new[] { 51, 1 })
        {
            app.Clock.Advance(TimeSpan.FromDays(days));
            await Eventually.Until(() => app.CountAsync($"select count(*) from careflows.timers where due_at <= '{app.Clock.GetUtcNow():O}'"), n => n == 0, "the due timers to fire");
        }
        var wonBack = await Eventually.Until(() => app.Mail.ToAsync(quiet.Customer.Email), m => m.Any(x => x.Subject.StartsWith("We miss you")), "the quiet customer's win-back");
        wonBack.Single(m => m.Subject.StartsWith("We miss you")).Text.ShouldContain("BACK-");
        await app.OutboxDrainedAsync();
        (await app.Mail.ToAsync(returning.Customer.Email)).ShouldNotContain(m => m.Subject.StartsWith("We miss you"));
        (await app.InstanceAsync(again, "win-back"))!.Status.ShouldBe(InstanceStatus.Waiting);
    }
}
