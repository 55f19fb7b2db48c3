using CareFlows.Server.Hosting;
namespace CareFlows.Server.Flows.Timers;

/// <summary>
/// Fires due timers. Every server process runs one. "Due" is read from the TimeProvider, so a test or the simulator
/// can move time; only the polling cadence is wall-clock. Start-up cost does not depend on how many timers wait:
/// nothing is loaded until it is due.
/// </summary>
public sealed class TimerPoller(TimerStore timers, FlowResumer resumer, TimerOptions options, TimeProvider clock, ILogger<TimerPoller> log)
    : LeasedPoller<DueTimer>(log)
{
    protected override TimeSpan PollInterval => options.PollInterval;
    protected override int Concurrency => options.Concurrency;

    protected override Task<IReadOnlyList<DueTimer>> ClaimAsync(CancellationToken ct) =>
        timers.ClaimDueAsync(clock.GetUtcNow(), options.BatchSize, options.Lease, ct);

    protected override async Task WorkAsync(DueTimer timer, CancellationToken ct)
    {
        try
        {
            await resumer.OnTimerAsync(timer, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The timer stays, with its lease: it is tried again once the lease runs out.
            log.LogError(e, "Timer {TimerId} of instance {StreamId} failed; it will be retried", timer.TimerId, timer.StreamId);
        }
    }
}
