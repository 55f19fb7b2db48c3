using CareFlows.Server.Delivery.Outbox;
using CareFlows.Server.Delivery.Smtp;
using CareFlows.Server.Telemetry;
using Marten;

namespace CareFlows.Server.Delivery;

/// <summary>
/// Sends what the outbox holds. Every server process runs one; the outbox's claims keep them from sending a
/// message twice. On shutdown the claimed batch is finished (within the host's shutdown timeout); a row whose
/// lease a dead process held is sent by another process once the lease expires.
/// </summary>
public sealed class EmailDispatcher(
    OutboxStore outbox, SmtpSender sender, DispatchSignal signal, DeliveryOptions options, SmtpOptions smtp,
    ISendGate gate, IDocumentStore store, TimeProvider clock, CareFlowsMetrics metrics, ILogger<EmailDispatcher> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var batch = await outbox.ClaimAsync(clock.GetUtcNow(), options.BatchSize, options.Lease, stoppingToken);
                if (batch.Count == 0)
                {
                    if (await outbox.SweepAbandonedAsync(clock.GetUtcNow(), stoppingToken) is var swept and > 0)
                        log.LogWarning("{Count} message(s) left mid-send by a stopped process are recorded as in doubt", swept);
                    await signal.WaitAsync(options.PollInterval, stoppingToken);
                    continue;
                }
                // Claimed messages are finished even when shutdown starts: their leases would otherwise delay them.
                await Parallel.ForEachAsync(batch, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, smtp.Concurrency) },
                    async (message, _) => await Deliver(message));
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                log.LogError(e, "Dispatcher loop failed; retrying after {PollInterval}", options.PollInterval);
                await Task.Delay(options.PollInterval, CancellationToken.None);
            }
        }
    }

    private async Task Deliver(OutboxMessage message)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(smtp.TimeoutSeconds * 2));
        if (await StillWanted(message) is { Allowed: false } verdict)
        {
            await outbox.MarkSkippedAsync(message, verdict.Reason, clock.GetUtcNow(), CancellationToken.None);
            metrics.MessageSkipped(verdict.Reason);
            log.LogInformation("Not sending {MessageId} to {Recipient}: {Reason}", message.MessageId, message.Recipient, verdict.Reason);
            return;
        }
        if (!await outbox.MarkSendingAsync(message, CancellationToken.None)) return; // no longer pending: nothing to do
        try
        {
            await sender.SendAsync(message, timeout.Token);
        }
        catch (Exception e)
        {
            await Failed(message, SendFailure.Classify(e));
            return;
        }
        await outbox.MarkSentAsync(message, clock.GetUtcNow(), CancellationToken.None);
        metrics.MessageSent(message.Category);
        log.LogInformation("Sent {MessageId} ({Template}) to {Recipient}", message.MessageId, message.Template, message.Recipient);
    }

    // Consent again, at the last moment: a message may have waited in the outbox (an SMTP outage) past an opt-out.
    private async Task<SendVerdict?> StillWanted(OutboxMessage message)
    {
        if (message.Kind != OutboxKinds.Flow || message.Category == MessageCategory.Transactional) return null;
        await using var session = store.QuerySession();
        return await gate.CheckAsync(session, message.CustomerId, message.Recipient, message.Category, CancellationToken.None);
    }

    private async Task Failed(OutboxMessage message, SendFailure failure)
    {
        var now = clock.GetUtcNow();
        var final = failure.Kind switch
        {
            FailureKind.Permanent => "bounced",
            FailureKind.InDoubt => "doubt",
            _ when now - message.CreatedAt >= options.GiveUpAfter => "failed",
            _ => null,
        };
        if (final is not null)
        {
            await outbox.MarkFailedAsync(message, final, failure.Reason, now, CancellationToken.None);
            metrics.MessageFailed(final);
            log.LogWarning("Message {MessageId} to {Recipient} is {Status}: {Reason}", message.MessageId, message.Recipient, final, failure.Reason);
            return;
        }
        var delay = Backoff.Delay(message.Attempts, options.FirstRetryDelay, options.MaxRetryDelay, Random.Shared.NextDouble());
        await outbox.RescheduleAsync(message, now + delay, failure.Reason, CancellationToken.None);
        metrics.MessageFailed("retry");
        log.LogInformation("Retrying {MessageId} in {Delay}: {Reason}", message.MessageId, delay, failure.Reason);
    }
}
