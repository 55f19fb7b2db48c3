using CareFlows.Server.Delivery.Outbox;
using CareFlows.Server.Flows;

namespace CareFlows.Tests.Flows;

public class OrderConfirmationFlowTests
{
    [Fact]
    public void a_placed_order_starts_the_flow_asks_for_a_transactional_confirmation_and_completes()
    {
        var now = DateTimeOffset.Parse("2026-11-23T10:00:00Z");
        var outcomes = OrderConfirmationFlow.Start(TestData.Order(), now).Outcomes;

        outcomes[0].ShouldBeOfType<FlowStarted>().Order.OrderId.ShouldBe("o-1");
        var email = outcomes[1].ShouldBeOfType<EmailRequest>();
        email.Template.ShouldBe("order-confirmation");
        email.Category.ShouldBe(MessageCategory.Transactional);
        outcomes[2].ShouldBeOfType<FlowCompleted>().CompletedAt.ShouldBe(now);
    }
}
