using CareFlows.Engine.Timing;

namespace CareFlows.Tests.Engine;

public class IsoDurationTests
{
    // What the designer's parseDuration writes for "n weeks", "n days", "n hours", "n minutes" (graph.js).
    public static TheoryData<string, double> DesignerDurations()
    {
        var data = new TheoryData<string, double>();
        foreach (var n in new[] { 1, 2, 13 })
        {
            data.Add($"P{n}W", n * 7 * 24);
            data.Add($"P{n}D", n * 24);
            data.Add($"PT{n}H", n);
            data.Add($"PT{n}M", n / 60.0);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(DesignerDurations))]
    public void every_duration_the_designer_can_write_is_accepted(string iso, double hours)
    {
        IsoDuration.TryParse(iso, out var duration).ShouldBeTrue(iso);
        duration.TotalHours.ShouldBe(hours, tolerance: 1e-9);
    }

    [Theory]
    [InlineData("P1DT12H", 36)]
    [InlineData("PT1H30M", 1.5)]
    [InlineData("P1W2D", 216)]
    [InlineData("PT90S", 0.025)]
    public void combined_durations_add_up(string iso, double hours)
    {
        IsoDuration.TryParse(iso, out var duration).ShouldBeTrue();
        duration.TotalHours.ShouldBe(hours, tolerance: 1e-9);
    }

    [Theory]
    [InlineData("P1M")]
    [InlineData("P1Y")]
    [InlineData("P")]
    [InlineData("PT")]
    [InlineData("P0D")]
    [InlineData("3 days")]
    [InlineData("-P1D")]
    [InlineData("")]
    public void lengths_that_vary_or_say_nothing_are_refused(string iso) => IsoDuration.TryParse(iso, out _).ShouldBeFalse();
}
