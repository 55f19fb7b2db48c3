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

    private IDocumentStore Store => app.Services.GetRequiredService<IDocumentStore>();
    private OutboxStore Outbox => app.Services.GetRequiredService<OutboxStore>();

    [Fact]
    public async Task messages_of_one_instance_finishing_at_the_same_moment_are_all_recorded_as_sent()
    {
        var streamId = Guid.NewGuid();
        var messages = Enumerable.Range(1, 8).Select(i => Message(streamId, $"step-{i}", "ada@example.com")).ToArray();
        await QueueAsync((streamId, [], messages));

        // Each append takes the stream's next version; at once, all but one find it taken and must write again.
        await Task.WhenAll(messages.Select(m => Outbox.MarkSentAsync(m, app.Clock.GetUtcNow(), CancellationToken.None)));

        (await app.CountAsync($"select count(*) from {OutboxSchema.Table} where stream_id = '{streamId}' and status = 'sent'")).ShouldBe(messages.Length);
        await using var query = Store.QuerySession();
        var sent = (await query.Events.FetchStreamAsync(streamId)).Select(e => e.Data).OfType<EmailSent>().Select(e => e.StepId);
        sent.ShouldBe(messages.Select(m => m.StepId), ignoreOrder: true);
    }

    [Fact]
    public async Task a_message_recorded_while_its_instance_takes_a_step_keeps_what_the_step_did()
    {
        var now = app.Clock.GetUtcNow();
        var instances = Enumerable.Range(0, 30).Select(_ => (Order: TestOrders.New(), StreamId: Guid.NewGuid()))
            .Select(x => (x.StreamId, Before: new object[] { new FlowStarted("close-the-loop", 1, x.Order, 1, now) },
                Messages: new[] { Message(x.StreamId, "confirmation.1", x.Order.Customer.Email) }))
            .ToArray();
        await QueueAsync(instances);

        // Each instance at once: the dispatcher records its message as sent, and a step remembers an early delivery.
        await Task.WhenAll(instances.Select(i => Task.WhenAll(
            Outbox.MarkSentAsync(i.Messages[0], now, CancellationToken.None), RememberDeliveryAsync(i.StreamId, now))));

        await using var query = Store.QuerySession();
        foreach (var (streamId, _, _) in instances)
        {
            var stored = (await query.LoadAsync<FlowInstance>(streamId))!;
            stored.State.ObservedEvents.ShouldContainKey("OrderDelivered", $"instance {streamId} lost the step's event");
            stored.Version.ShouldBe(4);
        }
    }

    [Fact]
    public async Task a_round_marks_for_sending_only_the_messages_still_pending()
    {
        var order = TestOrders.New();
        var streamId = Guid.NewGuid();
        var (next, taken) = (Message(streamId, "step-2", order.Customer.Email), Message(streamId, "step-3", order.Customer.Email));
        await QueueAsync((streamId, [], [next, taken]));
        // Another process took this one over after a lease ran out, and has sent it.
        await app.CountAsync($"with taken as (update {OutboxSchema.Table} set status = 'sent' where message_id = '{taken.MessageId}' returning 1) select count(*) from taken");

        var marked = await Outbox.MarkSendingAsync([next, taken], CancellationToken.None);

        marked.ShouldBe([next]);
        (await app.CountAsync($"select count(*) from {OutboxSchema.Table} where message_id = '{next.MessageId}' and status = 'sending'")).ShouldBe(1);
        (await app.CountAsync($"select count(*) from {OutboxSchema.Table} where message_id = '{taken.MessageId}' and status = 'sent'")).ShouldBe(1);
    }

    [Fact]
    public async Task a_round_settles_the_row_and_the_instance_in_one_commit()
    {
        var order = TestOrders.New();
        var streamId = Guid.NewGuid();
        var (sent, skipped) = (Message(streamId, "step-1", order.Customer.Email), Message(streamId, "step-2", order.Customer.Email));
        await QueueAsync((streamId, [], [sent, skipped]));
        (await Outbox.MarkSendingAsync([sent], CancellationToken.None)).ShouldBe([sent]);

        await Outbox.SettleAsync(
            [Settlement.Ended(sent, new MessageOutcome(OutboxStatus.Sent, "", app.Clock.GetUtcNow())),
             Settlement.Ended(skipped, new MessageOutcome(OutboxStatus.Skipped, "opted out", app.Clock.GetUtcNow()))], CancellationToken.None);

        (await app.CountAsync($"select count(*) from {OutboxSchema.Table} where message_id = '{sent.MessageId}' and status = 'sent'")).ShouldBe(1);
        (await app.CountAsync($"select count(*) from {OutboxSchema.Table} where message_id = '{skipped.MessageId}' and status = 'skipped'")).ShouldBe(1);
        await using var query = Store.QuerySession();
        (await query.Events.FetchStreamAsync(streamId)).Select(e => e.Data).OfType<EmailSent>().Select(e => e.StepId).ShouldBe(["step-1"]);
    }

    // Due in a year, so the host's own dispatcher leaves them to the test.
    private OutboxMessage Message(Guid streamId, string stepId, string recipient) =>
        new()
        {
            MessageId = $"{stepId}.{streamId}@test", StreamId = streamId, StepId = stepId, Template = "reassurance", Category = "service",
            Recipient = recipient, Subject = "Subject", HtmlBody = "<p>Hi</p>", TextBody = "Hi", Attempts = 1, CreatedAt = app.Clock.GetUtcNow().AddYears(1),
        };

    // As a step that sends would leave them: each stream started with its events and an EmailQueued per message, the messages in the outbox.
    private async Task QueueAsync(params (Guid StreamId, object[] Before, OutboxMessage[] Messages)[] instances)
    {
        var queue = app.Services.GetRequiredService<EmailQueue>();
        await using var session = Store.LightweightSession();
        foreach (var (streamId, before, messages) in instances)
        {
            session.Events.StartStream<FlowInstance>(streamId,
                [.. before, .. messages.Select(m => new EmailQueued(m.StepId, m.MessageId, m.Template, m.Category, m.Recipient, app.Clock.GetUtcNow()))]);
            foreach (var message in messages) queue.Queue(session, message);
        }
        await session.SaveChangesAsync();
    }

    // As FlowResumer takes a step: read the instance at a version, append there, and on a conflict read again.
    private async Task RememberDeliveryAsync(Guid streamId, DateTimeOffset now)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var session = Store.LightweightSession();
            (await session.Events.FetchForWriting<FlowInstance>(streamId)).AppendOne(new EventObserved("OrderDelivered", now, now));
            try
            {
                await session.SaveChangesAsync();
                return;
            }
            catch (JasperFx.ConcurrencyException) when (attempt < 10) { }
        }
    }
}
