namespace CareFlows.Server.Hosting;

/// <summary>
/// The one answer to "someone else wrote first": decide again on fresh state. Every writer that appends at a version
/// it read (order intake, flow steps, consent changes, the outbox's outcomes) goes through <see cref="RetryAsync{T}"/>:
/// the same exception filter, the same number of attempts, and a short jittered pause between them, so two writers
/// that collided do not collide again in lock-step.
/// </summary>
public static class WriteConflicts
{
    /// <summary>Each round of a burst at one stream lets one writer win, so a burst of n needs n attempts at worst.</summary>
    public const int MaxAttempts = 10;

    /// <summary>
    /// Someone else wrote first: a stream appended at a stale version, a document saved at a stale revision, or a
    /// stream started twice (Marten throws either of two collision types depending on where it notices).
    /// </summary>
    public static bool Is(Exception e) =>
        e is JasperFx.ConcurrencyException
            or Marten.Exceptions.ExistingStreamIdCollisionException
            or JasperFx.Events.ExistingStreamIdCollisionException;

    /// <summary>Runs <paramref name="attempt"/> (given its number, from 1) until it commits without a conflict, or the attempts run out.</summary>
    public static async Task<T> RetryAsync<T>(Func<int, Task<T>> attempt, CancellationToken ct, Action<int>? onConflict = null)
    {
        for (var n = 1; ; n++)
        {
            try
            {
                return await attempt(n);
            }
            catch (Exception e) when (n < MaxAttempts && Is(e))
            {
                onConflict?.Invoke(n);
                await Task.Delay(Pause(n), ct);
            }
        }
    }

    public static Task RetryAsync(Func<Task> attempt, CancellationToken ct, Action<int>? onConflict = null) =>
        RetryAsync(async _ => { await attempt(); return true; }, ct, onConflict);

    /// <summary>Up to 5, 10, 20 … 320 ms, uniformly jittered: long enough to let the winner commit, short enough to go unnoticed.</summary>
    public static TimeSpan Pause(int attempt) => TimeSpan.FromMilliseconds(Random.Shared.Next(0, 5 << Math.Min(attempt, 6)));
}
