namespace CareFlows.IntegrationTests.Infrastructure;

/// <summary>
/// The host's clock in tests: it stands still until a test moves it, so "three days later" takes no time at all.
/// It only moves forward, since every test in the collection shares it. Read from several threads, hence ticks.
/// </summary>
public sealed class TestClock(DateTimeOffset start) : TimeProvider
{
    private long _utcTicks = start.UtcTicks;

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _utcTicks), TimeSpan.Zero);

    public void Advance(TimeSpan by)
    {
        if (by < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(by), "time only moves forward");
        Interlocked.Add(ref _utcTicks, by.Ticks);
    }

    /// <summary>Moves to the next moment the UTC clock shows <paramref name="time"/>.</summary>
    public DateTimeOffset AdvanceToNextUtc(TimeOnly time)
    {
        var now = GetUtcNow();
        var target = new DateTimeOffset(now.UtcDateTime.Date + time.ToTimeSpan(), TimeSpan.Zero);
        if (target <= now) target = target.AddDays(1);
        Advance(target - now);
        return target;
    }
}
