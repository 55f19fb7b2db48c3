using CareFlows.Server.Hosting;
namespace CareFlows.Server.Flows.Timers;

/// <summary>
/// Fires due timers. Every server process runs one. "Due" is read from the TimeProvider, so a test or the simulator
/// can move time; only the polling cadence is wall-clock. Start-up cost does not depend on how many timers wait:
/// nothing is loaded until it is due. A claimed batch is cut into <see cref="TimerOptions.Concurrency"/> parts, each
/// decided and committed as one unit of work (<see cref="FlowResumer.TryOnTimersAsync"/>); a part that cannot commit as a
/// whole goes one timer at a time, as before batching.
/// </summary>
public sealed class TimerPoller(TimerStore timers, FlowResumer resumer, TimerOptions options, TimeProvider clock, ILogger<TimerPoller> log)
    : LeasedPoller<DueTimer>(log)
{
    protected override TimeSpan PollInterval => options.PollInterval;
    protected override int Concurrency => options.Concurrency;

    protected override Task<IReadOnlyList<DueTimer>> ClaimAsync(CancellationToken ct) =>
        timers.ClaimDueAsync(clock.GetUtcNow(), options.BatchSize, options.Lease, ct);

    protected override Task WorkBatchAsync(IReadOnlyList<DueTimer> batch, CancellationToken ct)
    {
        var parts = batch.Chunk((int)Math.Ceiling(batch.Count / (double)Math.Max(1, Concurrency)));
        return Parallel.ForEachAsync(parts, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, Concurrency), CancellationToken = ct }, async (part, token) =>
        {
            if (part.Length > 1 && await resumer.TryOnTimersAsync(part, token)) return;
            foreach (var timer in part) await WorkAsync(timer, token);
        });
    }

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
