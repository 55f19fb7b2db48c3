namespace CareFlows.Server.Flows.Timers;

/// <summary>Configuration section "Timers".</summary>
public sealed class TimerOptions
{
    public const string Section = "Timers";
    /// <summary>How often due timers are looked for: the most a timer fires late on an idle system.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(250);
    public int BatchSize { get; set; } = 200;
    /// <summary>How long a claimed timer is held; if its process dies, another takes it over after this.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromSeconds(30);
    public int Concurrency { get; set; } = 8;
}

/// <summary>
/// Fires due timers. Every server process runs one. "Due" is read from the TimeProvider, so a test or the simulator
/// can move time; only the polling cadence is wall-clock. Start-up cost does not depend on how many timers wait:
/// nothing is loaded until it is due.
/// </summary>
public sealed class TimerPoller(TimerStore timers, FlowResumer resumer, TimerOptions options, TimeProvider clock, ILogger<TimerPoller> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var due = await timers.ClaimDueAsync(clock.GetUtcNow(), options.BatchSize, options.Lease, stoppingToken);
                if (due.Count == 0)
                {
                    await Task.Delay(options.PollInterval, stoppingToken);
                    continue;
                }
                await Parallel.ForEachAsync(due, new ParallelOptions { MaxDegreeOfParallelism = options.Concurrency, CancellationToken = stoppingToken }, Fire);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                log.LogError(e, "Timer poll failed; trying again after {PollInterval}", options.PollInterval);
                await Task.Delay(options.PollInterval, CancellationToken.None);
            }
        }
    }

    private async ValueTask Fire(DueTimer timer, CancellationToken ct)
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
