using CareFlows.Engine.Runtime;
using CareFlows.IntegrationTests.Infrastructure;
using CareFlows.IntegrationTests.Orders;
using CareFlows.Server.Delivery.Outbox;
using CareFlows.Server.Flows;
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

    [Fact]
    public async Task a_message_recorded_while_its_instance_takes_a_step_keeps_what_the_step_did()
    {
        var store = app.Services.GetRequiredService<IDocumentStore>();
        var queue = app.Services.GetRequiredService<EmailQueue>();
        var outbox = app.Services.GetRequiredService<OutboxStore>();
        var now = app.Clock.GetUtcNow();
        var sent = new List<OutboxMessage>();
        await using (var session = store.LightweightSession())
        {
            for (var i = 0; i < 30; i++)
            {
                var order = TestOrders.New();
                var streamId = Guid.NewGuid();
                var message = new OutboxMessage($"confirmation.{streamId}@test", streamId, "confirmation.1", "order-confirmation", "transactional",
                    order.Customer.Email, "Subject", "<p>Hi</p>", "Hi", 1, now.AddYears(1));
                session.Events.StartStream<FlowInstance>(streamId, new FlowStarted("close-the-loop", 1, order, 1, now),
                    new EmailQueued(message.StepId, message.MessageId, message.Template, message.Category, message.Recipient, now));
                queue.Queue(session, message);
                sent.Add(message);
            }
            await session.SaveChangesAsync();
        }

        // Each instance at once: the dispatcher records its message as sent, and a step remembers an early delivery.
        await Task.WhenAll(sent.Select(m => Task.WhenAll(outbox.MarkSentAsync(m, now, CancellationToken.None), RememberDeliveryAsync(store, m.StreamId, now))));

        await using var query = store.QuerySession();
        foreach (var m in sent)
        {
            var stored = (await query.LoadAsync<FlowInstance>(m.StreamId))!;
            stored.State.ObservedEvents.ShouldContainKey("OrderDelivered", $"instance {m.StreamId} lost the step's event");
            stored.Version.ShouldBe(4);
        }
    }

    // As FlowResumer takes a step: read the instance at a version, append there, and on a conflict read again.
    private static async Task RememberDeliveryAsync(IDocumentStore store, Guid streamId, DateTimeOffset now)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var session = store.LightweightSession();
            var stream = await session.Events.FetchForWriting<FlowInstance>(streamId);
            stream.AppendOne(new EventObserved("OrderDelivered", now, now));
            try
            {
                await session.SaveChangesAsync();
                return;
            }
            catch (JasperFx.ConcurrencyException) when (attempt < 10) { }
        }
    }
}
