namespace CareFlows.Server.Delivery.Smtp;

/// <summary>
/// Paces sends to a rate, as a token bucket does, in the GCRA form: one number (the theoretical time of the next
/// send) instead of a count and a refill timer. A quiet spell builds up a burst of one second's worth.
/// Reads the <see cref="TimeProvider"/>, so a test moves a clock instead of waiting.
/// </summary>
public sealed class SendRate(double perSecond, TimeProvider clock)
{
    private readonly Lock _gate = new();
    private readonly TimeSpan _interval = perSecond > 0 ? TimeSpan.FromSeconds(1 / perSecond) : TimeSpan.Zero;
    private readonly TimeSpan _burst = perSecond > 0 ? TimeSpan.FromSeconds(1 / perSecond) * (Math.Max(1, Math.Floor(perSecond)) - 1) : TimeSpan.Zero;
    private DateTimeOffset _theoretical = DateTimeOffset.MinValue;

    public bool Unlimited => _interval == TimeSpan.Zero;

    /// <summary>Takes the next slot and says how long to wait for it (zero: send now).</summary>
    public TimeSpan Reserve()
    {
        if (Unlimited) return TimeSpan.Zero;
        lock (_gate)
        {
            var now = clock.GetUtcNow();
            var at = _theoretical > now ? _theoretical : now;
            _theoretical = at + _interval;
            var wait = at - _burst - now;
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }
    }

    public async Task WaitTurnAsync(CancellationToken ct)
    {
        if (Reserve() is var wait && wait > TimeSpan.Zero) await Task.Delay(wait, clock, ct);
    }
}
