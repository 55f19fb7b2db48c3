using System.Diagnostics;
using CareFlows.TestSupport;

namespace CareFlows.Bench;

public sealed record TimerResult(int Timers, double StartsPerSecond, double StepsPerSecond);
public sealed record MemoryResult(int Waiting, int Made, long IdleEmptyBytes, long LoadedBytes, long AfterRestartBytes, TimeSpan StartupEmpty, TimeSpan StartupLoaded);

/// <summary>A flow with no email, so timers and steps are measured on their own: OrderPlaced -> wait a day -> wait a day.</summary>
public static class Timers
{
    public static Task<string> WaitingFlowFolderAsync() => WaitingFlow.FolderAsync("bench-wait");

    /// <summary>Creates <paramref name="count"/> waiting instances, then makes every timer due at the same moment.</summary>
    public static async Task<TimerResult> AllDueAtOnceAsync(BenchEnvironment env, ServerProcess server, int count)
    {
        var clock = Stopwatch.StartNew();
        await Publishing.PublishOrdersAsync(count, "timer");
        await env.WaitForAsync("select count(*) from careflows.timers", n => n >= count, "instances waiting", TimeSpan.FromMinutes(30));
        var startsPerSecond = count / clock.Elapsed.TotalSeconds;

        // Every timer due at one moment, in the past; the instances' next waits are a day out, so "still due" counts exactly
        // the timers not yet fired.
        DateTimeOffset dueAt;
        await using (var due = env.DataSource.CreateCommand("update careflows.timers set due_at = date_trunc('second', now()) - interval '1 second' returning due_at"))
            dueAt = new DateTimeOffset((DateTime)(await due.ExecuteScalarAsync())!, TimeSpan.Zero);
        clock.Restart();
        await env.WaitForAsync($"select count(*) from careflows.timers where due_at <= '{dueAt:O}'", n => n == 0, "timers still due", TimeSpan.FromMinutes(30));
        return new TimerResult(count, startsPerSecond, count / clock.Elapsed.TotalSeconds);
    }

    /// <summary>
    /// The server makes <paramref name="total"/> waiting instances (RSS read while it holds them); then, stopped, the
    /// store is topped up to <paramref name="copiedTotal"/> by copies (<see cref="WaitingCopies"/>); then a fresh start.
    /// </summary>
    public static async Task<MemoryResult> MemoryWithWaitingAsync(BenchEnvironment env, string workflows, int alreadyWaiting, int total, int copiedTotal, long idleEmptyBytes, TimeSpan startupEmpty, ServerProcess server)
    {
        if (total > alreadyWaiting)
        {
            await Publishing.PublishOrdersAsync(total - alreadyWaiting, "memory");
            await env.WaitForAsync("select count(*) from careflows.timers", n => n >= total, "instances waiting", TimeSpan.FromMinutes(60));
        }
        await Task.Delay(TimeSpan.FromSeconds(5)); // let the last batch's allocations settle before reading RSS
        var loaded = server.ResidentBytes();
        await server.StopAsync();
        var copied = await WaitingCopies.CopyUpToAsync(env, copiedTotal);

        var clock = Stopwatch.StartNew();
        await using var restarted = await env.StartServerAsync("bench-restarted", workflows);
        var startup = clock.Elapsed;
        await Task.Delay(TimeSpan.FromSeconds(5));
        return new MemoryResult(total + copied, total, idleEmptyBytes, loaded, restarted.ResidentBytes(), startupEmpty, startup);
    }
}
