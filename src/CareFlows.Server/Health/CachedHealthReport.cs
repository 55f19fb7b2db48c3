using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CareFlows.Server.Health;

/// <summary>The last health report, for up to <see cref="MaxAge"/>; one check runs at a time, and callers meanwhile share it.</summary>
public sealed class CachedHealthReport(HealthCheckService checks)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(5);

    private readonly SemaphoreSlim _one = new(1, 1);
    private HealthReport? _last;
    private long _takenAt;

    public async Task<HealthReport> GetAsync(CancellationToken ct)
    {
        if (Fresh() is { } fresh) return fresh;
        await _one.WaitAsync(ct);
        try
        {
            if (Fresh() is { } meanwhile) return meanwhile;
            _last = await checks.CheckHealthAsync(ct);
            _takenAt = System.Diagnostics.Stopwatch.GetTimestamp();
            return _last;
        }
        finally
        {
            _one.Release();
        }
    }

    private HealthReport? Fresh() =>
        _last is not null && System.Diagnostics.Stopwatch.GetElapsedTime(_takenAt) < MaxAge ? _last : null;
}
