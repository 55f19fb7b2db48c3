using System.Net.Http;
using CareFlows.TestSupport;
using Npgsql;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace CareFlows.Bench;

/// <summary>The benchmark's own database and vhost (scripts/services.sh creates them), reset before each part.</summary>
public sealed class BenchEnvironment(string? serverBinary) : IAsyncDisposable
{
    public const string Postgres = "Host=127.0.0.1;Port=5432;Database=careflows_bench;Username=careflows;Password=careflows;SSL Mode=Disable;Maximum Pool Size=50";
    public const string Vhost = "careflows-bench";
    public static readonly Uri Amqp = new($"amqp://careflows:careflows@127.0.0.1:5672/{Vhost}");
    public static readonly Uri MailSink = new("http://127.0.0.1:1080/");

    public NpgsqlDataSource DataSource { get; } = NpgsqlDataSource.Create(Postgres);
    private readonly HttpClient _mail = new() { BaseAddress = MailSink, Timeout = TimeSpan.FromMinutes(5) };

    /// <summary>Drops everything CareFlows stored (the server recreates its schema at start) and empties queue and inbox.</summary>
    public async Task ResetAsync()
    {
        ServerProcess.KillLeftovers(Postgres);
        await using (var drop = DataSource.CreateCommand("drop schema if exists careflows cascade")) await drop.ExecuteNonQueryAsync();
        await using var connection = await new ConnectionFactory { Uri = Amqp }.CreateConnectionAsync();
        foreach (var queue in new[] { "careflows-orders", "careflows-orders_error" })
        {
            await using var channel = await connection.CreateChannelAsync();
            try { await channel.QueueDeleteAsync(queue); } catch (OperationInterruptedException) { }
        }
        await ClearMailAsync();
    }

    public async Task ClearMailAsync() => (await _mail.DeleteAsync("api/email/all")).EnsureSuccessStatusCode();

    public Task<ServerProcess> StartServerAsync(string name, string workflowsFolder, params (string Key, string Value)[] settings)
    {
        var all = new Dictionary<string, string>
        {
            ["ConnectionStrings:Postgres"] = Postgres,
            ["RabbitMq:VirtualHost"] = Vhost,
            ["Flows:WorkflowsPath"] = workflowsFolder,
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Microsoft.Hosting.Lifetime"] = "Information",
        };
        foreach (var (key, value) in settings) all[key] = value;
        return ServerProcess.StartAsync(name, all, serverBinary);
    }

    public async Task<long> CountAsync(string sql)
    {
        await using var command = DataSource.CreateCommand(sql);
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }

    /// <summary>
    /// Polls until <paramref name="done"/>, printing progress now and then. Every <paramref name="pollEvery"/> (100 ms by
    /// default): a figure taken from the clock around the wait needs the short interval; one taken from the rows' own
    /// timestamps does not, and should poll rarely, because its count runs on the PostgreSQL it measures (a count over
    /// 10,000 sent messages took 4 ms, ten times a second).
    /// </summary>
    public async Task<long> WaitForAsync(string sql, Func<long, bool> done, string what, TimeSpan timeout, TimeSpan? pollEvery = null)
    {
        var started = DateTime.UtcNow;
        var lastReport = started;
        while (true)
        {
            var value = await CountAsync(sql);
            if (done(value)) return value;
            if (DateTime.UtcNow - started > timeout) throw new TimeoutException($"{what}: still {value} after {timeout}");
            if (DateTime.UtcNow - lastReport > TimeSpan.FromSeconds(10))
            {
                Console.WriteLine($"    … {what}: {value}");
                lastReport = DateTime.UtcNow;
            }
            await Task.Delay(pollEvery ?? TimeSpan.FromMilliseconds(100));
        }
    }

    public async ValueTask DisposeAsync()
    {
        await DataSource.DisposeAsync();
        _mail.Dispose();
    }
}
