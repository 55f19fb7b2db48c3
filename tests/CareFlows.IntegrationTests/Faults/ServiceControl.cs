using System.Diagnostics;

namespace CareFlows.IntegrationTests.Faults;

/// <summary>Stops and starts the real services the way an operator (or an outage) would. Needs root, as scripts/services.sh does.</summary>
public static class ServiceControl
{
    public static Task StopBrokerAsync() => RunAsync("rabbitmqctl", "-q", "stop_app");

    public static async Task StartBrokerAsync()
    {
        await RunAsync("rabbitmqctl", "-q", "start_app");
        await RunAsync("rabbitmqctl", "-q", "await_startup");
    }

    /// <summary>A fast restart of the PostgreSQL cluster: every open connection is cut.</summary>
    public static async Task RestartPostgresAsync()
    {
        var version = Directory.EnumerateDirectories("/etc/postgresql").Select(Path.GetFileName).OrderBy(v => double.Parse(v!)).Last()!;
        await RunAsync("pg_ctlcluster", version, "main", "restart", "-m", "fast");
        Npgsql.NpgsqlConnection.ClearAllPools();
    }

    private static async Task RunAsync(string command, params string[] args)
    {
        var asRoot = Environment.UserName == "root";
        var start = new ProcessStartInfo(asRoot ? command : "sudo", asRoot ? args : [command, .. args])
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(deadline.Token);
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{command} {string.Join(' ', args)} exited with {process.ExitCode}: {await output} {await error}");
    }
}
