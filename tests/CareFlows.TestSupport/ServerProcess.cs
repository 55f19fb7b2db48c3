using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;

namespace CareFlows.TestSupport;

/// <summary>
/// The real server as its own OS process (the build's CareFlows.Server.dll, or a published one the caller names), configured by the caller's settings
/// (configuration keys such as "ConnectionStrings:Postgres"). It can be stopped as an operator would (SIGTERM) or killed without warning (SIGKILL). Its output is kept
/// in a log file named in every failure message.
/// </summary>
public sealed partial class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StreamWriter _log;
    private readonly TaskCompletionSource<Uri> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string Name { get; }
    public int ProcessId => _process.Id;
    public Uri? Url => _listening.Task.IsCompletedSuccessfully ? _listening.Task.Result : null;
    public string LogPath { get; }
    public bool HasExited => _process.HasExited;

    private ServerProcess(string name, IReadOnlyDictionary<string, string> settings, string? binary)
    {
        Name = name;
        LogPath = Path.Combine(Path.GetTempPath(), $"careflows-{name}-{Guid.NewGuid():N}.log");
        _log = new StreamWriter(LogPath) { AutoFlush = true };
        var server = binary is null ? ServerBinary() : Path.GetFullPath(binary);
        var start = new ProcessStartInfo("dotnet", [server])
        {
            WorkingDirectory = Path.GetDirectoryName(server)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        // Development, like ./run.sh: the shipped secrets are accepted there. A test of another environment says so.
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        foreach (var (key, value) in settings) start.Environment[key.Replace(":", "__")] = value;
        _process = new Process { StartInfo = start, EnableRaisingEvents = true };
        _process.OutputDataReceived += (_, e) => Record(e.Data);
        _process.ErrorDataReceived += (_, e) => Record(e.Data);
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <param name="binary">A CareFlows.Server.dll to run instead of the build's (the benchmark runs the published one).</param>
    public static async Task<ServerProcess> StartAsync(string name, IReadOnlyDictionary<string, string> settings, string? binary = null)
    {
        var server = new ServerProcess(name, settings, binary);
        var ready = await Task.WhenAny(server._listening.Task, Task.Delay(TimeSpan.FromSeconds(60)), server._process.WaitForExitAsync());
        if (ready == server._listening.Task) return server;
        await server.DisposeAsync();
        throw new InvalidOperationException($"Server {name} did not start; see {server.LogPath}");
    }

    /// <summary>
    /// Ends servers that an earlier run started with <paramref name="connectionString"/> and could not stop (the runner
    /// itself died): they would compete for this run's messages and timers.
    /// </summary>
    public static void KillLeftovers(string connectionString)
    {
        foreach (var dir in Directory.EnumerateDirectories("/proc").Where(d => int.TryParse(Path.GetFileName(d), out _)))
        {
            try
            {
                var command = File.ReadAllText(Path.Combine(dir, "cmdline"));
                if (!command.Contains("CareFlows.Server.dll")) continue;
                if (!File.ReadAllText(Path.Combine(dir, "environ")).Contains(connectionString)) continue;
                using var leftover = Process.GetProcessById(int.Parse(Path.GetFileName(dir)));
                leftover.Kill(entireProcessTree: true);
                leftover.WaitForExit(TimeSpan.FromSeconds(10));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or InvalidOperationException)
            {
                // gone meanwhile, or not ours to read
            }
        }
    }

    /// <summary>No warning, no shutdown: what a crash or an OOM kill looks like.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    /// <summary>SIGTERM, as systemd or Kubernetes would: the host shuts down gracefully.</summary>
    public async Task StopAsync()
    {
        if (_process.HasExited) return;
        if (Kill(_process.Id, 15) != 0) throw new InvalidOperationException($"Could not signal {Name}");
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await _process.WaitForExitAsync(deadline.Token);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited) await KillAsync();
        _process.Dispose();
        await _log.DisposeAsync();
    }

    /// <summary>Resident memory of the process now, from /proc (what the OS sees, not the GC's view).</summary>
    public long ResidentBytes()
    {
        var line = File.ReadLines($"/proc/{_process.Id}/status").First(l => l.StartsWith("VmRSS:"));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) * 1024;
    }

    public override string ToString() => $"{Name} (log: {LogPath})";

    private void Record(string? line)
    {
        if (line is null) return;
        lock (_log) _log.WriteLine(line);
        if (ListeningOn().Match(line) is { Success: true } match) _listening.TrySetResult(new Uri(match.Groups[1].Value));
    }

    // The server built beside these tests, in the same configuration (Debug or Release).
    private static string ServerBinary()
    {
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}") ? "Release" : "Debug";
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "src", "CareFlows.Server", "bin", configuration, "net10.0", "CareFlows.Server.dll");
            if (File.Exists(candidate)) return candidate;
        }
        throw new FileNotFoundException("CareFlows.Server.dll was not built");
    }

    [GeneratedRegex(@"Now listening on: (http://\S+)")]
    private static partial Regex ListeningOn();

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}
