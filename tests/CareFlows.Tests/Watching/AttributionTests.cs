using CareFlows.Server.Watching;

namespace CareFlows.Tests.Watching;

public class AttributionTests
{
    private static readonly DateTimeOffset T0 = DateTimeOffset.Parse("2026-11-01T10:00:00Z");
    private static readonly Guid Welcome = Guid.NewGuid(), Offer = Guid.NewGuid();

    private static Touch Sent(Guid stream, string step, double days, bool click = false, string order = "o-1") =>
        new("c-1", T0.AddDays(days), stream, step, click) { OrderId = order };

    private static PlacedOrder Order(string id, double days) => new(id, "c-1", T0.AddDays(days), 50m, "GBP");

    [Fact]
    public void the_latest_touch_before_the_order_takes_it()
    {
        var attributed = Attribution.Attribute([Order("o-2", 3)], [Sent(Welcome, "welcome.1", 1), Sent(Offer, "offer.1", 2, click: true)], TimeSpan.FromDays(5));
        attributed.ShouldHaveSingleItem().Touch.StepId.ShouldBe("offer.1");
    }

    [Fact]
    public void an_order_outside_the_window_counts_for_nothing()
    {
        Attribution.Attribute([Order("o-2", 9)], [Sent(Welcome, "welcome.1", 1)], TimeSpan.FromDays(5)).ShouldBeEmpty();
    }

    [Fact]
    public void a_message_about_an_order_never_counts_for_that_same_order()
    {
        Attribution.Attribute([Order("o-1", 1)], [Sent(Welcome, "welcome.1", 1, order: "o-1")], TimeSpan.FromDays(5)).ShouldBeEmpty();
    }
}
