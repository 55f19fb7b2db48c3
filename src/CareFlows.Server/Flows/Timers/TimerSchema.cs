namespace CareFlows.Server.Flows.Timers;

/// <summary>
/// Durable timers: one row per waiting instance (an instance waits for one thing at a time), so a million
/// waiting instances are a million rows and no memory. Polled by due time with SKIP LOCKED.
/// </summary>
public static class TimerSchema
{
    public const string Table = "careflows.timers";

    public const string Ddl = """
        create table if not exists careflows.timers (
            stream_id    uuid primary key,
            timer_id     text not null,
            due_at       timestamptz not null,
            lease_until  timestamptz
        );
        create index if not exists timers_due on careflows.timers (due_at);
        """;
}
