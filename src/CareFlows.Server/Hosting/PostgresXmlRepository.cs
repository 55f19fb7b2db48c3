using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Npgsql;

namespace CareFlows.Server.Hosting;

/// <summary>
/// ASP.NET Core Data Protection's key ring, in PostgreSQL: every server process decrypts the cookies the others
/// issued, and a restart keeps everyone signed in. (In the process's memory, as by default, neither holds.)
/// The keys are stored as Data Protection writes them; access to the database is access to the keys, as it is
/// access to everything else CareFlows holds.
/// </summary>
public sealed class PostgresXmlRepository(NpgsqlDataSource dataSource) : IXmlRepository
{
    private const string Table = "careflows.dataprotection_keys";
    private volatile bool _created;

    public IReadOnlyCollection<XElement> GetAllElements()
    {
        EnsureTable();
        using var command = dataSource.CreateCommand($"select xml from {Table} order by created_at");
        using var reader = command.ExecuteReader();
        var elements = new List<XElement>();
        while (reader.Read()) elements.Add(XElement.Parse(reader.GetString(0)));
        return elements;
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        EnsureTable();
        using var command = dataSource.CreateCommand($"insert into {Table} (name, xml, created_at) values (@name, @xml, now()) on conflict (name) do nothing");
        command.Parameters.AddWithValue("name", friendlyName);
        command.Parameters.AddWithValue("xml", element.ToString(SaveOptions.DisableFormatting));
        command.ExecuteNonQuery();
    }

    // Data Protection may read its keys before the hosted services have created CareFlows' tables.
    private void EnsureTable()
    {
        if (_created) return;
        using var command = dataSource.CreateCommand(
            $"create schema if not exists careflows; create table if not exists {Table} (name text primary key, xml text not null, created_at timestamptz not null)");
        try { command.ExecuteNonQuery(); }
        catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.UniqueViolation or PostgresErrorCodes.DuplicateObject) { /* another process created it first */ }
        _created = true;
    }
}
