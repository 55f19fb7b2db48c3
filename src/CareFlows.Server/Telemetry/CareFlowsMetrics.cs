using System.Diagnostics.Metrics;

namespace CareFlows.Server.Telemetry;

/// <summary>
/// The counters operators watch. Published on the "CareFlows" meter, so an OpenTelemetry
/// exporter (or dotnet-counters) picks them up without CareFlows knowing which one runs.
/// </summary>
public sealed class CareFlowsMetrics
{
    public const string MeterName = "CareFlows";

    private readonly Counter<long> _eventsReceived;
    private readonly Counter<long> _instancesStarted;
    private readonly Counter<long> _messagesSent;
    private readonly Counter<long> _messagesSkipped;
    private readonly Counter<long> _messagesFailed;

    private long _due;
    private double _oldestDueSeconds;

    /// <summary>The outbox's backlog, as this process's dispatcher last read it (every Delivery:ProbeInterval).</summary>
    public void ObserveBacklog(long due, TimeSpan oldestDueAge)
    {
        Interlocked.Exchange(ref _due, due);
        Interlocked.Exchange(ref _oldestDueSeconds, oldestDueAge.TotalSeconds);
    }

    public CareFlowsMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _eventsReceived = meter.CreateCounter<long>("careflows.events.received", description: "Order and consent events consumed");
        _instancesStarted = meter.CreateCounter<long>("careflows.instances.started", description: "Flow instances started");
        _messagesSent = meter.CreateCounter<long>("careflows.messages.sent", description: "Emails accepted by the SMTP server");
        _messagesSkipped = meter.CreateCounter<long>("careflows.messages.skipped", description: "Emails not sent, by reason");
        _messagesFailed = meter.CreateCounter<long>("careflows.messages.failed", description: "Emails that failed, by kind");
        meter.CreateObservableGauge("careflows.outbox.due", () => Interlocked.Read(ref _due), description: "Emails due and not yet sent");
        meter.CreateObservableGauge("careflows.outbox.oldest_due_age", () => Volatile.Read(ref _oldestDueSeconds), unit: "s",
            description: "How long the oldest email due has waited");
    }

    public void EventReceived(string type) => _eventsReceived.Add(1, new KeyValuePair<string, object?>("type", type));
    public void InstanceStarted(string flow) => _instancesStarted.Add(1, new KeyValuePair<string, object?>("flow", flow));
    public void MessageSent(string category) => _messagesSent.Add(1, new KeyValuePair<string, object?>("category", category));
    /// <summary>By category: a skip reason is free text (it can name a person's choice or address), never a metric tag.</summary>
    public void MessageSkipped(string category) => _messagesSkipped.Add(1, new KeyValuePair<string, object?>("category", category));
    public void MessageFailed(string kind) => _messagesFailed.Add(1, new KeyValuePair<string, object?>("kind", kind));
}
