using CareFlows.Engine.Runtime;
using CareFlows.IntegrationTests.Infrastructure;
using CareFlows.Server.Delivery.Outbox;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace CareFlows.IntegrationTests.Delivery;

/// <summary>How a message ended is written to the outbox and to its instance's stream together, even while others write to that stream.</summary>
[Collection(CareFlowsCollection.Name)]
public class OutboxRecordingTests(CareFlowsFixture app) : IAsyncLifetime
{
    public Task InitializeAsync() => app.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task messages_of_one_instance_finishing_at_the_same_moment_are_all_recorded_as_sent()
    {
        var store = app.Services.GetRequiredService<IDocumentStore>();
        var queue = app.Services.GetRequiredService<EmailQueue>();
        var outbox = app.Services.GetRequiredService<OutboxStore>();
        var streamId = Guid.NewGuid();
        var now = app.Clock.GetUtcNow();
        // Not claimable (due in a year), so the host's own dispatcher leaves them to this test.
        var messages = Enumerable.Range(1, 8).Select(i => new OutboxMessage($"m{i}.{streamId}@test", streamId, $"step-{i}", "reassurance", "service",
            "ada@example.com", "Subject", "<p>Hi</p>", "Hi", 1, now.AddYears(1))).ToList();
        await using (var session = store.LightweightSession())
        {
            session.Events.StartStream(streamId, messages.Select(m => (object)new EmailQueued(m.StepId, m.MessageId, m.Template, m.Category, m.Recipient, now)).ToArray());
            foreach (var message in messages) queue.Queue(session, message);
            await session.SaveChangesAsync();
        }

        // Each append takes the stream's next version; at once, all but one find it taken and must write again.
        await Task.WhenAll(messages.Select(m => outbox.MarkSentAsync(m, now, CancellationToken.None)));

        (await app.CountAsync($"select count(*) from {OutboxSchema.Table} where stream_id = '{streamId}' and status = 'sent'")).ShouldBe(messages.Count);
        await using var query = store.QuerySession();
        var sent = (await query.Events.FetchStreamAsync(streamId)).Select(e => e.Data).OfType<EmailSent>().Select(e => e.StepId);
        sent.ShouldBe(messages.Select(m => m.StepId), ignoreOrder: true);
    }
}
