using System.Text;
using System.Text.Json;
using CareFlows.Cli;
using CareFlows.Contracts.Orders;
using CareFlows.IntegrationTests.Infrastructure;

namespace CareFlows.IntegrationTests.Orders;

[Collection(CareFlowsCollection.Name)]
public class MalformedOrderTests(CareFlowsFixture app) : IAsyncLifetime
{
    private static readonly string Exchange = MassTransitEnvelope.ExchangeFor(typeof(OrderPlaced));

    public Task InitializeAsync() => app.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task a_message_that_is_not_json_lands_in_the_error_queue_and_nothing_else_happens()
    {
        var messageId = await PublishRaw(_ => Encoding.UTF8.GetBytes("{ this is not json"));

        var dead = (await app.OrdersErrorQueue.WaitForAsync(messageId))!;

        dead.Body.ShouldBe("{ this is not json");
        dead.Header("MT-Fault-ExceptionType").ShouldBe("System.Text.Json.JsonReaderException");
        dead.Header("MT-Fault-Message").ShouldContain("invalid start of a property name");
        await NothingHappened();
    }

    [Fact]
    public async Task an_order_without_an_order_id_lands_in_the_error_queue_with_the_reason()
    {
        var messageId = await PublishOrder(TestOrders.New() with { OrderId = "" });

        var dead = (await app.OrdersErrorQueue.WaitForAsync(messageId))!;

        dead.Header("MT-Fault-Message").ShouldContain("orderId is missing");
        await NothingHappened();
    }

    [Theory]
    [InlineData("")]
    [InlineData("not-an-email")]
    public async Task an_order_with_a_missing_or_invalid_email_lands_in_the_error_queue_with_the_reason(string email)
    {
        var order = TestOrders.New();
        var messageId = await PublishOrder(order with { Customer = order.Customer with { Email = email } });

        var dead = (await app.OrdersErrorQueue.WaitForAsync(messageId))!;

        dead.Header("MT-Fault-Message").ShouldContain("customer.email");
        await NothingHappened();
    }

    private async Task<Guid> PublishOrder(OrderPlaced order) =>
        await PublishRaw(id => MassTransitEnvelope.Wrap(id, typeof(OrderPlaced), order, "localhost"));

    private async Task<Guid> PublishRaw(Func<Guid, byte[]> body)
    {
        await using var publisher = await app.RawPublisherAsync();
        return await publisher.PublishRawAsync(Exchange, body, MassTransitEnvelope.ContentType);
    }

    private async Task NothingHappened()
    {
        (await app.CountAsync("select count(*) from careflows.mt_streams")).ShouldBe(0);
        (await app.CountAsync("select count(*) from careflows.outbox")).ShouldBe(0);
        (await app.Mail.AllAsync()).ShouldBeEmpty();
    }
}
