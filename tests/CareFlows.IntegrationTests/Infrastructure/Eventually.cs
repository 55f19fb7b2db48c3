using System.Diagnostics;

namespace CareFlows.IntegrationTests.Infrastructure;

/// <summary>Waits for a condition with a deadline (never a fixed sleep), and says what it was waiting for when it gives up.</summary>
public static class Eventually
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(20);

    public static async Task<T> Until<T>(Func<Task<T>> probe, Func<T, bool> done, string waitingFor, TimeSpan? timeout = null)
    {
        var clock = Stopwatch.StartNew();
        var limit = timeout ?? DefaultTimeout;
        while (true)
        {
            var value = await probe();
            if (done(value)) return value;
            if (clock.Elapsed > limit) throw new TimeoutException($"Gave up after {limit.TotalSeconds} s waiting for {waitingFor}; last seen: {value}");
            await Task.Delay(50);
        }
    }
}
