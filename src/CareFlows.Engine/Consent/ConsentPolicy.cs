namespace CareFlows.Engine.Consent;

public sealed record SendPermission(bool Allowed, string Reason);

/// <summary>
/// Whether a message of a category may go to a customer now, by their choices. (Whether the address itself still takes
/// mail, a bounce, is the server's SendGate's question: one place, keyed by the address.) Transactional mail always goes; service and marketing
/// mail follows the customer's standing decision, or the shop's default for a customer who never made one.
/// </summary>
public sealed class ConsentPolicy(IReadOnlyDictionary<string, bool> defaults, IReadOnlyCollection<string> doubleOptInCategories)
{
    public bool NeedsConfirmation(string category) => doubleOptInCategories.Contains(category);

    public bool DefaultFor(string category) => defaults.TryGetValue(category, out var yes) && yes;

    public SendPermission Check(CustomerConsentState? state, string channel, string category)
    {
        if (category == ConsentCategories.Transactional) return new(true, "transactional");
        return state?.DecisionFor(channel, category) switch
        {
            { OptedIn: true } d => new(true, $"opted in to {category} ({d.Source}, {d.At:yyyy-MM-dd})"),
            { } d => new(false, $"opted out of {category} ({d.Source}, {d.At:yyyy-MM-dd})"),
            null when state?.Pending.ContainsKey(CustomerConsentState.Key(channel, category)) == true
                => new(false, $"{category} consent awaits confirmation"),
            null => DefaultFor(category)
                ? new(true, $"{category} allowed by default")
                : new(false, $"no {category} consent (default: opted out)"),
        };
    }

    /// <summary>What a customer would see on their preference page: the standing decision, else the default.</summary>
    public bool Effective(CustomerConsentState? state, string channel, string category) =>
        state?.DecisionFor(channel, category)?.OptedIn ?? DefaultFor(category);
}
