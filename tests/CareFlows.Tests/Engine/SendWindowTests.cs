using CareFlows.Engine.Timing;

namespace CareFlows.Tests.Engine;

public class SendWindowTests
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
    private static readonly TimeOnly Nine = new(9, 0), Eight = new(20, 0);

    [Fact]
    public void inside_the_window_nothing_waits() =>
        SendWindows.NextOpening(DateTimeOffset.Parse("2026-11-23T12:00:00+01:00"), Nine, Eight, Berlin).ShouldBeNull();

    [Fact]
    public void at_three_in_the_morning_it_waits_until_nine_the_same_day() =>
        SendWindows.NextOpening(DateTimeOffset.Parse("2026-11-23T03:00:00+01:00"), Nine, Eight, Berlin)
            .ShouldBe(DateTimeOffset.Parse("2026-11-23T09:00:00+01:00"));

    [Fact]
    public void in_the_evening_it_waits_until_nine_the_next_day() =>
        SendWindows.NextOpening(DateTimeOffset.Parse("2026-11-23T21:30:00+01:00"), Nine, Eight, Berlin)
            .ShouldBe(DateTimeOffset.Parse("2026-11-24T09:00:00+01:00"));

    [Fact]
    public void a_window_across_midnight_is_open_late_and_early() =>
        SendWindows.NextOpening(DateTimeOffset.Parse("2026-11-23T01:00:00+01:00"), new TimeOnly(22, 0), new TimeOnly(6, 0), Berlin).ShouldBeNull();

    [Fact]
    public void the_opening_follows_the_zones_offset_across_a_clock_change() =>
        SendWindows.NextOpening(DateTimeOffset.Parse("2026-03-28T21:00:00+01:00"), Nine, Eight, Berlin)
            .ShouldBe(DateTimeOffset.Parse("2026-03-29T09:00:00+02:00"));

    [Fact]
    public void an_opening_time_the_clock_skips_opens_at_the_first_valid_minute() =>
        SendWindows.NextOpening(DateTimeOffset.Parse("2026-03-29T01:00:00+01:00"), new TimeOnly(2, 30), Eight, Berlin)
            .ShouldBe(DateTimeOffset.Parse("2026-03-29T03:00:00+02:00"));
}
