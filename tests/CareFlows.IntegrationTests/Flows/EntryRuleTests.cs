using CareFlows.IntegrationTests.Infrastructure;
using CareFlows.IntegrationTests.Orders;
using CareFlows.Server.Flows;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace CareFlows.IntegrationTests.Flows;

[Collection(CareFlowsCollection.Name)]
public class EntryRuleTests(CareFlowsFixture app) : IAsyncLifetime
{
    public Task InitializeAsync() => app.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task a_customer_enters_a_once_per_30_days_flow_with_their_first_order_only()
    {
        await app.PublishFlowAsync("""
            {
              "id": "welcome-once", "name": "Welcome, once a month", "version": 1,
              "entry": { "oncePerCustomerWithinDays": 30 },
              "activities": [
                { "id": "placed", "type": "OrderPlaced" },
                { "id": "wait", "type": "Delay", "properties": { "duration": "P1D" } }
              ],
              "connections": [ { "source": { "activity": "placed", "port": "Done" }, "target": { "activity": "wait" } } ]
            }
            """);
        var first = TestOrders.New() with { PlacedAt = app.Clock.GetUtcNow() };
        var second = TestOrders.New() with { Customer = first.Customer, PlacedAt = app.Clock.GetUtcNow() };
        var otherCustomer = TestOrders.New() with { PlacedAt = app.Clock.GetUtcNow() };

        await app.Bus.Publish(first);
        await app.Consumed.WaitForAsync<CareFlows.Contracts.Orders.OrderPlaced>(1);
        await app.Bus.Publish(second);
        await app.Bus.Publish(otherCustomer);
        await app.Consumed.WaitForAsync<CareFlows.Contracts.Orders.OrderPlaced>(3);

        (await InstancesOf("welcome-once")).Select(i => i.OrderId).Order().ShouldBe(new[] { first.OrderId, otherCustomer.OrderId }.Order());
    }

    private async Task<IReadOnlyList<FlowInstance>> InstancesOf(string flowId)
    {
        await using var session = app.Services.GetRequiredService<IDocumentStore>().QuerySession();
        return await session.Query<FlowInstance>().Where(i => i.FlowId == flowId).ToListAsync();
    }
}
