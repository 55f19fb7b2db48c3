namespace CareFlows.Server.Delivery.Outbox;

/// <summary>The outbox table: written in the same transaction as a step's events (see Hosting/DatabaseSchema).</summary>
public static class OutboxSchema
{
    public const string Table = "careflows.outbox";

    public const string Ddl = """
        create table if not exists careflows.outbox (
            message_id   text primary key,
            stream_id    uuid not null,
            step_id      text not null,
            template     text not null,
            category     text not null,
            recipient    text not null,
            subject      text not null,
            html_body    text not null,
            text_body    text not null,
            status       text not null default 'pending',
            attempts     int not null default 0,
            due_at       timestamptz not null,
            lease_until  timestamptz,
            created_at   timestamptz not null,
            sent_at      timestamptz,
            last_error   text
        );
        alter table careflows.outbox add column if not exists kind text not null default 'flow';
        alter table careflows.outbox add column if not exists customer_id text not null default '';
        alter table careflows.outbox add column if not exists unsubscribe_url text not null default '';
        alter table careflows.outbox add column if not exists locale text not null default '';
        alter table careflows.outbox add column if not exists template_version text not null default '';
        alter table careflows.outbox add column if not exists retry_kind text;
        alter table careflows.outbox add column if not exists list_unsubscribe text not null default '';
        alter table careflows.outbox add column if not exists from_name text not null default '';
        alter table careflows.outbox add column if not exists reply_to text not null default '';
        create index if not exists outbox_pending_due on careflows.outbox (due_at) where status = 'pending';
        create index if not exists outbox_stream on careflows.outbox (stream_id);
        create index if not exists outbox_waiting_for_server on careflows.outbox (created_at) where status = 'pending' and retry_kind = 'server';
        -- Not called since 2026-12-04 (a round's marks are a small commit of their own, so that the last round's outcomes
        -- can commit while the next round talks). Kept while a process of the version before may share the database
        -- during an upgrade: it marks a round through this procedure, and must not fail to.
        create or replace procedure careflows.outbox_mark_sending(ids text[]) language plpgsql as $$
        declare marked int;
        begin
            update careflows.outbox set status = 'sending' where message_id = any(ids) and status = 'pending';
            get diagnostics marked = row_count;
            if marked <> cardinality(ids) then
                raise exception 'a message to send is no longer pending' using errcode = 'CF409';
            end if;
        end $$;
        """;
}
