using CareFlows.Engine.Templates;
using CareFlows.Server.Hosting;
using Marten;
using Npgsql;

namespace CareFlows.Server.Care;

/// <summary>
/// Who speaks for the shop to a customer. A customer gets an owner when they first need a person (a case, an alert),
/// round-robin among the team members who speak their language (all members if none does), and keeps that owner.
/// </summary>
public sealed class Owners(TeamOptions team, ShopOptions shop, NpgsqlDataSource dataSource)
{
    public const string Sequence = "careflows.owner_assignments";
    public const string SequenceDdl = $"create sequence if not exists {Sequence};";

    /// <summary>The team as a whole, for alerts no single person owns and for customers without an owner.</summary>
    public Person Team => new(team.Name == "" ? shop.Name : team.Name, team.Address == "" ? shop.SupportEmail : team.Address, shop.SupportPhone);

    public int ReplyWithinHours => team.ReplyWithinHours;

    public async Task<Person?> OfAsync(IQuerySession session, string customerId, CancellationToken ct) =>
        AsPerson(await session.LoadAsync<CustomerOwner>(customerId, ct));

    public static Person? AsPerson(CustomerOwner? owner) => owner is null ? null : new Person(owner.Name, owner.Email, owner.Phone);

    /// <summary>
    /// The customer's owner, assigning one in the caller's unit of work if they have none. With no team configured,
    /// the team's address stands in and nobody is assigned.
    /// </summary>
    public async Task<Person> EnsureAsync(IDocumentSession session, string customerId, string? locale, DateTimeOffset now, CancellationToken ct)
    {
        if (await OfAsync(session, customerId, ct) is { } owner) return owner;
        if (team.Members.Count == 0) return Team;
        var language = (locale ?? "").Split('-')[0];
        var speakers = team.Members.Where(m => m.Languages.Any(l => string.Equals(l, language, StringComparison.OrdinalIgnoreCase))).ToList();
        var candidates = speakers.Count > 0 ? speakers : team.Members;
        var member = candidates[(int)(await NextTurnAsync(ct) % candidates.Count)];
        session.Store(new CustomerOwner { Id = customerId, Name = member.Name, Email = member.Email, Phone = member.Phone, AssignedAt = now });
        return new Person(member.Name, member.Email, member.Phone);
    }

    // A sequence, not a count: two assignments at once still take turns. A turn lost to a rolled-back commit is harmless.
    private async Task<long> NextTurnAsync(CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand($"select nextval('{Sequence}')");
        return (long)(await command.ExecuteScalarAsync(ct))!;
    }
}
