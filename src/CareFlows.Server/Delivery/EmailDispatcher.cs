using System.Diagnostics;
using CareFlows.Server.Delivery.Outbox;
using CareFlows.Server.Delivery.Smtp;
using CareFlows.Server.Hosting;
using CareFlows.Server.Telemetry;
using Marten;

namespace CareFlows.Server.Delivery;

/// <summary>
/// Sends what the outbox holds. Every server process runs one; the outbox's claims keep them from sending a
/// message twice. On shutdown the claimed batch is finished (within the host's shutdown timeout); a row whose
/// lease a dead process held is sent by another process once the lease expires.
/// Messages that wait because the SMTP server could not be reached wait for the server, not for their back-off:
/// as soon as a send succeeds or a probe gets an answer, they are all due again (see <see cref="RecoverAsync"/>).
/// Logs name messages and customers by id, never by address: a log line is not a place for personal data.
/// </summary>
public sealed class EmailDispatcher(
    OutboxStore outbox, SmtpSender sender, DispatchSignal signal, DeliveryOptions options, SmtpOptions smtp,
    ISendGate gate, IDocumentStore store, TimeProvider clock, CareFlowsMetrics metrics, ILogger<EmailDispatcher> log)
    : LeasedPoller<OutboxMessage>(log)
{
    // Set when a send found the server unreachable; cleared once the waiting messages are released. Start-up counts
    // as "maybe": another run may have left messages waiting for the server.
    private volatile bool _serverWasAway = true;
    // Cadence is wall-clock (Stopwatch), like polling: a test's stopped clock must not stop the probes.
    private long _nextProbe;
    private long _nextBacklogReading;

    protected override TimeSpan PollInterval => options.PollInterval;
    protected override int Concurrency => smtp.Concurrency;
    // Claimed messages are finished even when shutdown starts: their leases would otherwise delay them.
    protected override bool FinishClaimedOnShutdown => true;

    protected override async Task<IReadOnlyList<OutboxMessage>> ClaimAsync(CancellationToken ct)
    {
        await ReadBacklogWhenDueAsync(ct);
        return await outbox.ClaimAsync(clock.GetUtcNow(), options.BatchSize, options.Lease, ct);
    }

    protected override async Task IdleAsync(CancellationToken ct)
    {
        if (await outbox.SweepAbandonedAsync(clock.GetUtcNow(), options.InDoubt, ct) is var swept and > 0)
            log.LogWarning("{Count} message(s) left mid-send by a stopped process are {Outcome}", swept,
                options.InDoubt == InDoubtPolicy.Resend ? "sent again (Delivery:InDoubt = Resend)" : "recorded as in doubt");
        await ProbeWhenDueAsync(ct);
        await signal.WaitAsync(options.PollInterval, ct);
    }

    protected override Task WorkAsync(OutboxMessage message, CancellationToken ct) => Deliver(message);

    private async Task Deliver(OutboxMessage message)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(smtp.TimeoutSeconds * 2));
        if (await StillWanted(message) is { Allowed: false } verdict)
        {
            await outbox.MarkSkippedAsync(message, verdict.Reason, clock.GetUtcNow(), CancellationToken.None);
            metrics.MessageSkipped(message.Category);
            log.LogInformation("Not sending {MessageId} to customer {CustomerId}: {Reason}", message.MessageId, message.CustomerId, LogText.WithoutAddresses(verdict.Reason));
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
        log.LogInformation("Sent {MessageId} ({Template}) to customer {CustomerId}", message.MessageId, message.Template, message.CustomerId);
        if (_serverWasAway) await RecoverAsync("a message was accepted", CancellationToken.None);
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
        var kind = failure.Kind == FailureKind.InDoubt && options.InDoubt == InDoubtPolicy.Resend ? FailureKind.Transient : failure.Kind;
        var final = kind switch
        {
            FailureKind.Permanent => OutboxStatus.Bounced,
            FailureKind.InDoubt => OutboxStatus.Doubt,
            _ when now - message.CreatedAt >= options.GiveUpAfter => OutboxStatus.Failed,
            _ => null,
        };
        if (final is not null)
        {
            await outbox.MarkFailedAsync(message, final, failure.Reason, now, CancellationToken.None);
            metrics.MessageFailed(final);
            log.LogWarning("Message {MessageId} to customer {CustomerId} is {Status}: {Reason}", message.MessageId, message.CustomerId, final, LogText.WithoutAddresses(failure.Reason));
            return;
        }
        var delay = Backoff.Delay(message.Attempts, options.FirstRetryDelay, options.MaxRetryDelay, Random.Shared.NextDouble());
        var retryKind = kind == FailureKind.Unreachable ? RetryKind.Server : RetryKind.Message;
        if (retryKind == RetryKind.Server) _serverWasAway = true;
        await outbox.RescheduleAsync(message, now + delay, retryKind, failure.Reason, CancellationToken.None);
        metrics.MessageFailed("retry");
        log.LogInformation("Retrying {MessageId} in at most {Delay}: {Reason}", message.MessageId, delay, LogText.WithoutAddresses(failure.Reason));
    }

    // While messages wait for the SMTP server, ask it every ProbeInterval whether it is back. The back-off of each
    // message still bounds the wait should the probe keep failing while sends would succeed.
    private async Task ProbeWhenDueAsync(CancellationToken ct)
    {
        if (Stopwatch.GetTimestamp() < _nextProbe) return;
        _nextProbe = Stopwatch.GetTimestamp() + (long)(options.ProbeInterval.TotalSeconds * Stopwatch.Frequency);
        if (!await outbox.AnyWaitingForServerAsync(clock.GetUtcNow(), ct))
        {
            _serverWasAway = false;
            return;
        }
        try
        {
            await sender.ProbeAsync(ct);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            _serverWasAway = true;
            log.LogDebug("The SMTP server is still away: {Reason}", LogText.WithoutAddresses(SendFailure.Classify(e).Reason));
            return;
        }
        await RecoverAsync("it answered a probe", ct);
    }

    private async Task RecoverAsync(string how, CancellationToken ct)
    {
        _serverWasAway = false;
        var released = await outbox.ReleaseWaitingForServerAsync(ct);
        if (released == 0) return;
        log.LogInformation("The SMTP server is back ({How}): {Count} waiting message(s) are due now", how, released);
        signal.Notify();
    }

    private async Task ReadBacklogWhenDueAsync(CancellationToken ct)
    {
        if (Stopwatch.GetTimestamp() < _nextBacklogReading) return;
        _nextBacklogReading = Stopwatch.GetTimestamp() + (long)(options.ProbeInterval.TotalSeconds * Stopwatch.Frequency);
        var backlog = await outbox.BacklogAsync(clock.GetUtcNow(), ct);
        metrics.ObserveBacklog(backlog.Due, backlog.OldestDueAge);
    }
}
