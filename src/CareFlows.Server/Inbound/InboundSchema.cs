namespace CareFlows.Server.Inbound;

/// <summary>
/// One row per inbound mail handled, written in the same commit as what handling it did. Its primary key is what
/// makes a mail count once: a second process (or a restart before the mail was moved) that handles it again fails
/// to insert the row, and its whole commit is rolled back.
/// </summary>
public static class InboundSchema
{
    public const string Table = "careflows.inbound_mail";
    public const string PrimaryKey = "inbound_mail_pkey";

    public const string Ddl = $"""
        create table if not exists {Table} (
            mail_key   text primary key,
            kind       text not null,
            handled_at timestamptz not null
        );
        """;
}
