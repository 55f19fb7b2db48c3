using CareFlows.Server.Delivery.Smtp;

namespace CareFlows.Tests.Delivery;

public class SendRateTests
{
    private sealed class ManualClock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;
        public override DateTimeOffset GetUtcNow() => Now;
    }

    private readonly ManualClock _clock = new(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public void a_second_s_worth_goes_at_once_then_sends_are_spaced_by_the_rate()
    {
        var rate = new SendRate(10, _clock);
        Enumerable.Range(0, 10).Select(_ => rate.Reserve()).ShouldAllBe(wait => wait == TimeSpan.Zero);
        rate.Reserve().ShouldBe(TimeSpan.FromMilliseconds(100));
        rate.Reserve().ShouldBe(TimeSpan.FromMilliseconds(200));
    }

    [Fact]
    public void over_any_stretch_no_more_than_the_rate_plus_one_burst_is_sent()
    {
        var rate = new SendRate(5, _clock);
        var start = _clock.Now;
        var sendTimes = Enumerable.Range(0, 100).Select(_ => _clock.Now + rate.Reserve()).ToList();
        (sendTimes[^1] - start).ShouldBe(TimeSpan.FromSeconds((100 - 5) / 5.0));
        sendTimes.Count(t => t < start + TimeSpan.FromSeconds(10)).ShouldBeLessThanOrEqualTo(5 * 10 + 5);
    }

    [Fact]
    public void a_quiet_spell_builds_up_one_burst_and_no_more()
    {
        var rate = new SendRate(2, _clock);
        for (var i = 0; i < 6; i++) rate.Reserve();
        _clock.Now += TimeSpan.FromMinutes(10);
        rate.Reserve().ShouldBe(TimeSpan.Zero);
        rate.Reserve().ShouldBe(TimeSpan.Zero);
        rate.Reserve().ShouldBe(TimeSpan.FromMilliseconds(500));
    }

    [Fact]
    public void zero_means_no_limit()
    {
        var rate = new SendRate(0, _clock);
        rate.Unlimited.ShouldBeTrue();
        Enumerable.Range(0, 1000).Select(_ => rate.Reserve()).ShouldAllBe(wait => wait == TimeSpan.Zero);
    }
}
