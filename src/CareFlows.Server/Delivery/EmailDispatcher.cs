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

    protected override Task WorkAsync(OutboxMessage message, CancellationToken ct) => WorkBatchAsync([message], ct);

    /// <summary>
    /// A claimed batch goes in rounds of <see cref="SmtpOptions.Concurrency"/> messages, one per connection. Consent is
    /// read for the whole batch at once. Each round is marked <c>sending</c> in a small commit of its own just before
    /// its conversations (<see cref="OutboxStore.MarkSendingAsync"/>), and how the round before it ended commits while
    /// they run (<see cref="OutboxStore.SettleAsync"/>, which appends to each instance and is the larger commit), so that
    /// commit is off the path of the sends. Only one such commit is in flight, and it is finished before the next round
    /// is marked: a process that dies leaves at most two rounds in doubt, every message of them attempted, and none that
    /// was never handed to SMTP.
    /// </summary>
    protected override async Task WorkBatchAsync(IReadOnlyList<OutboxMessage> batch, CancellationToken ct)
    {
        var settled = new List<Settlement>();
        var waiting = new Queue<OutboxMessage>();
        var verdicts = await StillWantedAsync(batch);
        for (var i = 0; i < batch.Count; i++)
        {
            if (verdicts[i] is { Allowed: false } verdict)
                settled.Add(Settlement.Ended(batch[i], new MessageOutcome(OutboxStatus.Skipped, verdict.Reason, clock.GetUtcNow())));
            else waiting.Enqueue(batch[i]);
        }
        var recording = Task.CompletedTask;
        try
        {
            while (true)
            {
                var round = new List<OutboxMessage>();
                while (round.Count < Math.Max(1, smtp.Concurrency) && waiting.TryDequeue(out var next)) round.Add(next);
                await recording;
                if (round.Count == 0)
                {
                    await RecordAsync(settled);
                    return;
                }
                var marked = await outbox.MarkSendingAsync(round, CancellationToken.None);
                // The conversations first: what they do before their first wait is on the path, the record's is not.
                var sending = Task.WhenAll(marked.Select(SendAsync));
                recording = RecordAsync(settled);
                settled = [.. await sending];
                if (_serverWasAway && settled.Any(s => s.Outcome?.Status == OutboxStatus.Sent))
                    await RecoverAsync("a message was accepted", CancellationToken.None);
            }
        }
        finally
        {
            // Only reached unfinished when something above failed; that failure is the one to report.
            await recording.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    private async Task RecordAsync(IReadOnlyList<Settlement> settled)
    {
        await outbox.SettleAsync(settled, CancellationToken.None);
        Report(settled);
    }

    // Consent again, at the last moment: a message may have waited in the outbox (an SMTP outage) past an opt-out.
    // Transactional mail and what other features queued (a consent confirmation, a team alert, a test) is not gated.
    private async Task<IReadOnlyList<SendVerdict?>> StillWantedAsync(IReadOnlyList<OutboxMessage> batch)
    {
        var gated = batch.Where(m => m.Kind == OutboxKinds.Flow && m.Category != MessageCategory.Transactional).ToList();
        if (gated.Count == 0) return batch.Select(_ => (SendVerdict?)null).ToList();
        await using var session = store.QuerySession();
        var verdicts = await gate.CheckManyAsync(session, gated.Select(m => new SendQuestion(m.CustomerId, m.Recipient, m.Category)).ToList(), CancellationToken.None);
        var byMessage = gated.Select((m, i) => (m.MessageId, Verdict: verdicts[i])).ToDictionary(x => x.MessageId, x => x.Verdict);
        return batch.Select(m => byMessage.GetValueOrDefault(m.MessageId)).ToList();
    }

    private async Task<Settlement> SendAsync(OutboxMessage message)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(smtp.TimeoutSeconds * 2));
        try
        {
            await sender.SendAsync(message, timeout.Token);
        }
        catch (Exception e)
        {
            return Failed(message, SendFailure.Classify(e));
        }
        return Settlement.Ended(message, new MessageOutcome(OutboxStatus.Sent, "", clock.GetUtcNow()));
    }

    private Settlement Failed(OutboxMessage message, SendFailure failure)
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
        if (final is not null) return Settlement.Ended(message, new MessageOutcome(final, failure.Reason, now));
        var delay = Backoff.Delay(message.Attempts, options.FirstRetryDelay, options.MaxRetryDelay, Random.Shared.NextDouble());
        var retryKind = kind == FailureKind.Unreachable ? RetryKind.Server : RetryKind.Message;
        if (retryKind == RetryKind.Server) _serverWasAway = true;
        return Settlement.Again(message, new Retry(now + delay, retryKind, failure.Reason));
    }

    // Metrics and log lines once a round's outcomes are committed.
    private void Report(IReadOnlyList<Settlement> settled)
    {
        foreach (var (message, outcome, retry, _) in settled)
        {
            if (retry is not null)
            {
                metrics.MessageFailed("retry");
                log.LogInformation("Retrying {MessageId} at {DueAt:O} at the latest: {Reason}", message.MessageId, retry.DueAt, LogText.WithoutAddresses(retry.Reason));
                continue;
            }
            switch (outcome!.Status)
            {
                case OutboxStatus.Sent:
                    metrics.MessageSent(message.Category);
                    log.LogInformation("Sent {MessageId} ({Template}) to customer {CustomerId}", message.MessageId, message.Template, message.CustomerId);
                    break;
                case OutboxStatus.Skipped:
                    metrics.MessageSkipped(message.Category);
                    log.LogInformation("Not sending {MessageId} to customer {CustomerId}: {Reason}", message.MessageId, message.CustomerId, LogText.WithoutAddresses(outcome.Reason));
                    break;
                default:
                    metrics.MessageFailed(outcome.Status);
                    log.LogWarning("Message {MessageId} to customer {CustomerId} is {Status}: {Reason}", message.MessageId, message.CustomerId, outcome.Status, LogText.WithoutAddresses(outcome.Reason));
                    break;
            }
        }
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
