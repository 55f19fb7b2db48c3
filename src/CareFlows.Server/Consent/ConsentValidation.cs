using CareFlows.Engine.Consent;

namespace CareFlows.Server.Consent;

/// <summary>What a consent change from the shop or the API must hold before it touches anyone's stream.</summary>
public static class ConsentValidation
{
    /// <summary>
    /// <paramref name="now"/> and <paramref name="maxSkew"/> bound <paramref name="changedAt"/>: a decision dated in the
    /// future would beat every later choice of the customer's (the latest by time wins), so it is refused.
    /// </summary>
    public static IReadOnlyList<string> Faults(string? customerId, string? email, string? channel, string? category, DateTimeOffset? changedAt,
        string? source, DateTimeOffset now, TimeSpan maxSkew)
    {
        var faults = new List<string>();
        if (string.IsNullOrWhiteSpace(customerId)) faults.Add("customerId is missing");
        if (!string.IsNullOrWhiteSpace(email) && !EmailAddresses.IsValid(email)) faults.Add("email is not a valid address");
        if (channel is not null && !Channels.All.Contains(channel)) faults.Add($"channel '{channel}' is unknown (known: {string.Join(", ", Channels.All)})");
        if (category == ConsentCategories.Transactional) faults.Add("category 'transactional' needs no consent: transactional messages always go");
        else if (!ConsentCategories.Optional.Contains(category ?? "")) faults.Add($"category '{category}' is unknown (known: {string.Join(", ", ConsentCategories.Optional)})");
        if (changedAt == default(DateTimeOffset)) faults.Add("changedAt, the time of the decision, is missing");
        else if (changedAt > now + maxSkew) faults.Add($"changedAt is in the future (more than {maxSkew.TotalMinutes:0.#} minutes ahead of this server's clock)");
        faults.AddRange(SourceFaults(source));
        return faults;
    }

    public static IReadOnlyList<string> SourceFaults(string? source)
    {
        var faults = new List<string>();
        if (ConsentSources.IsReserved(source))
            faults.Add($"source '{source}' is CareFlows' own (reserved: {string.Join(", ", ConsentSources.Reserved)}): name the shop's system instead");
        else if (source is { Length: > 100 }) faults.Add("source is longer than 100 characters");
        return faults;
    }
}
