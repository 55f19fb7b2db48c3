namespace CareFlows.Server.Delivery.Smtp;

public static class Backoff
{
    /// <summary>Exponential from <paramref name="first"/>, capped at <paramref name="max"/>, with jitter of up to half, so a recovering server is not hit by every retry at once.</summary>
    public static TimeSpan Delay(int attempt, TimeSpan first, TimeSpan max, double jitter)
    {
        var exponential = first.TotalMilliseconds * Math.Pow(2, Math.Max(0, attempt - 1));
        var capped = Math.Min(exponential, max.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(capped * (1 - 0.5 * Math.Clamp(jitter, 0, 1)));
    }
}
