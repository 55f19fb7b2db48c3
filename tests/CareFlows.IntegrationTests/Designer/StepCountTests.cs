using System.Net.Http.Json;
using System.Text.Json;
using CareFlows.Contracts.Orders;
using CareFlows.IntegrationTests.Infrastructure;
using CareFlows.IntegrationTests.Orders;
using CareFlows.Server.Watching;

namespace CareFlows.IntegrationTests.Designer;

/// <summary>What the designer's list and Watch tab show, from real runs of the close-the-loop flow.</summary>
[Collection(CareFlowsCollection.Name)]
public class StepCountTests(CareFlowsFixture app) : IAsyncLifetime
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public Task InitializeAsync() => app.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task step_counts_show_entries_waits_sends_and_skips_with_their_reasons()
    {
        var finished = TestOrders.New() with { PlacedAt = app.Clock.GetUtcNow() };
        var waiting = TestOrders.New() with { PlacedAt = app.Clock.GetUtcNow() };
        await app.Bus.Publish(finished);
        await app.Bus.Publish(waiting);
        await app.Mail.WaitForAsync(finished.Customer.Email);
        await app.Mail.WaitForAsync(waiting.Customer.Email);
        await app.OutboxDrainedAsync();
        using var client = app.CreateClient();
        var overview = (await client.GetFromJsonAsync<List<FlowOverview>>("/api/flows/overview", Json))!.Single(f => f.Id == "close-the-loop");
        overview.ShouldSatisfyAllConditions(
            o => o.Running.ShouldBe(2),
            o => o.SentLast7Days.ShouldBe(2, "the two confirmations"));

        // The first order is delivered at once and runs to its end; the second never is, and waits for its delivery.
        await app.Bus.Publish(new OrderDelivered { OrderId = finished.OrderId, DeliveredAt = app.Clock.GetUtcNow() });
        await app.RunToEndAsync(finished);
        await app.OutboxDrainedAsync();

        var report = (await client.GetFromJsonAsync<StepReport>("/api/flows/close-the-loop/steps?days=90", Json))!;
        var steps = report.Steps.ToDictionary(s => s.ActivityId);
        steps["confirmation"].ShouldSatisfyAllConditions(
            s => s.Entered.ShouldBe(2),
            s => s.Sent.ShouldBe(2));
        steps["wait-for-delivery"].ShouldSatisfyAllConditions(
            s => s.Entered.ShouldBe(2),
            s => s.WaitingNow.ShouldBe(1, "the undelivered order"));
        steps["check-in"].Sent.ShouldBe(1);
        steps["discount-email"].Skipped.ShouldHaveSingleItem().ShouldBe(new ReasonCount("no marketing consent", 1));
        steps.Values.Sum(s => s.Exited.Count).ShouldBe(0);
    }
}
