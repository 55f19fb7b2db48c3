using CareFlows.Server.Flows;

namespace CareFlows.Tests.Flows;

public class FlowStreamIdTests
{
    [Fact]
    public void the_same_flow_and_order_always_give_the_same_stream() =>
        FlowStreamId.For("order-confirmation", "o-1").ShouldBe(FlowStreamId.For("order-confirmation", "o-1"));

    [Fact]
    public void another_order_or_another_flow_gives_another_stream()
    {
        var id = FlowStreamId.For("order-confirmation", "o-1");
        FlowStreamId.For("order-confirmation", "o-2").ShouldNotBe(id);
        FlowStreamId.For("close-the-loop", "o-1").ShouldNotBe(id);
    }

    [Fact]
    public void stream_ids_are_version_5_uuids() =>
        FlowStreamId.For("f", "o").ToString()[14].ShouldBe('5');
}
