namespace CareFlows.Engine.Consent;

/// <summary>One standing decision: in or out, where and when it was made.</summary>
public sealed record ConsentDecision(bool OptedIn, string Source, DateTimeOffset At);

public sealed record PendingConfirmation(string Source, DateTimeOffset At);

public sealed record Bounce(string Email, string Reason, DateTimeOffset At);

/// <summary>
/// A customer's current preferences, folded from their consent stream. Pure: Marten's inline projection calls
/// <see cref="Apply"/>, and so do the tests. A decision older than the one standing for its category is kept in
/// the history but changes nothing here: the latest decision wins, whatever order the events arrived in.
/// </summary>
public sealed record CustomerConsentState
{
    public string CustomerId { get; init; } = "";
    /// <summary>Normalised (trimmed, lower case); empty when the record was opened without one.</summary>
    public string Email { get; init; } = "";
    /// <summary>Keyed by <see cref="Key"/>, e.g. "email:marketing".</summary>
    public Dictionary<string, ConsentDecision> Decisions { get; init; } = [];
    public Dictionary<string, PendingConfirmation> Pending { get; init; } = [];
    /// <summary>The one-click links already used: a replayed link changes nothing.</summary>
    public List<string> UsedLinks { get; init; } = [];
    public Bounce? Bounced { get; init; }

    public static string Key(string channel, string category) => $"{channel}:{category}";

    public ConsentDecision? DecisionFor(string channel, string category) => Decisions.GetValueOrDefault(Key(channel, category));

    public CustomerConsentState Apply(IConsentEvent e) => e switch
    {
        ConsentRecordOpened o => this with { CustomerId = o.CustomerId, Email = EmailAddresses.Normalise(o.Email) },
        OptedIn i => Decide(i.Channel, i.Category, new ConsentDecision(true, i.Source, i.At), clearPending: true),
        OptedOut o => Decide(o.Channel, o.Category, new ConsentDecision(false, o.Source, o.At), clearPending: true),
        DoubleOptInRequested r => this with { Pending = With(Pending, Key(r.Channel, r.Category), new PendingConfirmation(r.Source, r.At)) },
        DoubleOptInConfirmed c => Decide(c.Channel, c.Category, new ConsentDecision(true, c.Source, c.At), clearPending: true),
        UnsubscribedFromAll u => ConsentCategories.Optional.Aggregate(this with { UsedLinks = u.LinkId is null ? UsedLinks : [.. UsedLinks, u.LinkId] },
            (state, category) => state.Decide(u.Channel, category, new ConsentDecision(false, u.Source, u.At), clearPending: true)),
        EmailChanged c => this with { Email = EmailAddresses.Normalise(c.Email), Bounced = null },
        AddressBounced b => EmailAddresses.Normalise(b.Email) == Email || Email == "" ? this with { Bounced = new Bounce(EmailAddresses.Normalise(b.Email), b.Reason, b.At) } : this,
        _ => this,
    };

    private CustomerConsentState Decide(string channel, string category, ConsentDecision decision, bool clearPending)
    {
        var key = Key(channel, category);
        if (Decisions.TryGetValue(key, out var standing) && standing.At > decision.At) return this;
        var pending = clearPending && Pending.ContainsKey(key) ? Pending.Where(p => p.Key != key).ToDictionary() : Pending;
        return this with { Decisions = With(Decisions, key, decision), Pending = pending };
    }

    private static Dictionary<string, T> With<T>(Dictionary<string, T> source, string key, T value) => new(source) { [key] = value };
}
