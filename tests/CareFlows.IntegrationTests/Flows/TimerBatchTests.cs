using CareFlows.IntegrationTests.Infrastructure;
using CareFlows.IntegrationTests.Orders;
using CareFlows.TestSupport;

namespace CareFlows.IntegrationTests.Flows;

/// <summary>
/// Timer steps are decided and committed in batches (one commit for many instances, each at its own version). Two real
/// processes drain the same due timers at once: claims keep them apart, version checks catch what a claim does not.
/// </summary>
[Collection(ServerProcessesCollection.Name)]
public class TimerBatchTests(ServerProcessesFixture app) : IAsyncLifetime
{
    private const int Instances = 5_000;
    private string _workflows = "";

    public async Task InitializeAsync()
    {
        await app.ResetAsync();
        _workflows = await WaitingFlow.FolderAsync("two-waits");
    }

    public Task DisposeAsync()
    {
        Directory.Delete(_workflows, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task two_processes_draining_5000_due_timers_together_take_every_step_exactly_once()
    {
        (string, string)[] settings = [("Flows:WorkflowsPath", _workflows), ("Logging:LogLevel:CareFlows.Server.Flows.FlowResumer", "Debug")];
        await using var first = await app.StartServerAsync("timers-1", settings);
        await using var second = await app.StartServerAsync("timers-2", settings);
        await using (var publisher = await app.RawPublisherAsync())
            for (var i = 0; i < Instances; i++) await publisher.PublishAsync(TestOrders.New());
        await Eventually.Until(() => app.CountAsync("select count(*) from careflows.timers"), n => n == Instances, "every instance waiting", TimeSpan.FromMinutes(3));

        // Every first wait ends at the same moment, as after the server was away for a day.
        (await app.CountAsync("with due as (update careflows.timers set due_at = now() - interval '1 second' returning 1) select count(*) from due")).ShouldBe(Instances);

        await Eventually.Until(() => app.CountAsync("select count(*) from careflows.timers where due_at > now() + interval '12 hours'"), n => n == Instances,
            $"every instance in its second wait ({first}, {second})", TimeSpan.FromMinutes(3));
        (await app.CountAsync($"select count(*) from ({StepsOf("first-wait")}) steps")).ShouldBe(Instances);
        (await app.CountAsync($"select count(*) from ({StepsOf("first-wait")} group by stream_id having count(*) > 1) twice")).ShouldBe(0);
        (await app.CountAsync($"select count(*) from ({StepsOf("second-wait")}) steps")).ShouldBe(0);
        // Both processes took batches: the test is about two of them at once, not one that was faster.
        await first.StopAsync();
        await second.StopAsync();
        foreach (var server in new[] { first, second })
            (await File.ReadAllTextAsync(server.LogPath)).ShouldContain("timer steps committed together", customMessage: $"{server} took no batch");
    }

    private static string StepsOf(string activity) =>
        $"select stream_id from careflows.mt_events where type = 'activity_completed' and data->>'ActivityId' = '{activity}'";
}
