namespace CareFlows.Server.Delivery;

/// <summary>
/// Wakes this process's dispatcher as soon as a step commits a message, instead of at its next poll.
/// Other processes find the message at their next poll; the outbox table is the source of truth.
/// </summary>
public sealed class DispatchSignal
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public void Notify()
    {
        try { _signal.Release(); } catch (SemaphoreFullException) { /* already signalled */ }
    }

    public async Task WaitAsync(TimeSpan timeout, CancellationToken ct) => await _signal.WaitAsync(timeout, ct);
}
