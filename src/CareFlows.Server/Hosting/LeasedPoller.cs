namespace CareFlows.Server.Hosting;

/// <summary>
/// The one shape of every loop that works through leased rows (the timers, the outbox): claim a batch (rows are taken
/// with FOR UPDATE SKIP LOCKED and a lease, so processes share the work without a leader and a dead process's rows come
/// back when its lease runs out), work it with bounded parallelism, and when nothing is due, idle until woken or the
/// poll interval has passed. A failed round is logged and tried again after the interval; nothing is lost, because a
/// row stays until the work that consumed it commits.
/// </summary>
public abstract class LeasedPoller<T>(ILogger log) : BackgroundService
{
    protected abstract TimeSpan PollInterval { get; }

    /// <summary>Items worked at once.</summary>
    protected abstract int Concurrency { get; }

    protected abstract Task<IReadOnlyList<T>> ClaimAsync(CancellationToken ct);

    protected abstract Task WorkAsync(T item, CancellationToken ct);

    /// <summary>
    /// Works one claimed batch. By default each item alone, <see cref="Concurrency"/> at a time; a poller whose items are
    /// cheaper together (one commit for many) overrides this and keeps the same claim, lease and idle shape.
    /// </summary>
    protected virtual Task WorkBatchAsync(IReadOnlyList<T> batch, CancellationToken ct) =>
        Parallel.ForEachAsync(batch, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, Concurrency), CancellationToken = ct },
            async (item, token) => await WorkAsync(item, token));

    /// <summary>Nothing was due: by default, wait a poll interval.</summary>
    protected virtual Task IdleAsync(CancellationToken ct) => Task.Delay(PollInterval, ct);

    /// <summary>
    /// Whether a claimed batch is finished when shutdown starts (within the host's shutdown timeout) rather than
    /// abandoned to its leases. Finishing is right where a lease would only delay the work.
    /// </summary>
    protected virtual bool FinishClaimedOnShutdown => false;

    protected sealed override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var batch = await ClaimAsync(stoppingToken);
                if (batch.Count == 0)
                {
                    await IdleAsync(stoppingToken);
                    continue;
                }
                await WorkBatchAsync(batch, FinishClaimedOnShutdown ? CancellationToken.None : stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                log.LogError(e, "{Poller} failed; trying again after {PollInterval}", GetType().Name, PollInterval);
                await Task.Delay(PollInterval, CancellationToken.None);
            }
        }
    }
}
