namespace CareFlows.Server.Hosting.Publications;

public static class PublicationSchema
{
    public const string Table = "careflows.publications";

    public const string Ddl = $"""
        create table if not exists {Table} (
            id uuid primary key,
            message_type text not null,
            body jsonb not null,
            created_at timestamptz not null,
            lease_until timestamptz,
            published_at timestamptz
        );
        create index if not exists publications_unpublished on {Table} (created_at) where published_at is null;
        """;
}
