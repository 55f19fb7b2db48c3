using CareFlows.Engine.Consent;

namespace CareFlows.Server.Consent;

/// <summary>What a consent change from the shop or the API must hold before it touches anyone's stream.</summary>
public static class ConsentValidation
{
    public static IReadOnlyList<string> Faults(string? customerId, string? email, string? channel, string? category, DateTimeOffset? changedAt)
    {
        var faults = new List<string>();
        if (string.IsNullOrWhiteSpace(customerId)) faults.Add("customerId is missing");
        if (!string.IsNullOrWhiteSpace(email) && !EmailAddresses.IsValid(email)) faults.Add($"email '{email}' is not a valid address");
        if (channel is not null && !Channels.All.Contains(channel)) faults.Add($"channel '{channel}' is unknown (known: {string.Join(", ", Channels.All)})");
        if (category == ConsentCategories.Transactional) faults.Add("category 'transactional' needs no consent: transactional messages always go");
        else if (!ConsentCategories.Optional.Contains(category ?? "")) faults.Add($"category '{category}' is unknown (known: {string.Join(", ", ConsentCategories.Optional)})");
        if (changedAt == default(DateTimeOffset)) faults.Add("changedAt, the time of the decision, is missing");
        return faults;
    }
}
