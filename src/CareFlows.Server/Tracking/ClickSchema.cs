namespace CareFlows.Server.Tracking;

/// <summary>One row per click on a tracked link: which message (and so instance and step), whose, where to, when.</summary>
public static class ClickSchema
{
    public const string Table = "careflows.clicks";

    public const string Ddl = $"""
        create table if not exists {Table} (
            id          bigserial primary key,
            message_id  text not null,
            stream_id   uuid not null,
            step_id     text not null,
            customer_id text not null,
            url         text not null,
            clicked_at  timestamptz not null
        );
        create index if not exists clicks_stream on {Table} (stream_id);
        create index if not exists clicks_customer on {Table} (customer_id, clicked_at);
        """;
}
