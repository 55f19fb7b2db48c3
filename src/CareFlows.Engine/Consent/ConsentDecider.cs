namespace CareFlows.Engine.Consent;

/// <summary>
/// Pure: (current preferences, command) -> events. The caller appends them at the stream version it read, so two
/// concurrent changes to one customer cannot both be decided on the same state.
/// </summary>
public sealed class ConsentDecider(ConsentPolicy policy)
{
    /// <summary>A confirmation email is sent at most this often per customer and category, however often the opt-in is repeated.</summary>
    public static readonly TimeSpan ConfirmationResendAfter = TimeSpan.FromHours(1);

    public ConsentResult Decide(CustomerConsentState? current, ConsentCommand command)
    {
        var events = new List<IConsentEvent>();
        var state = current ?? new CustomerConsentState();
        if (current is null) Add(new ConsentRecordOpened(command.CustomerId, command.Email ?? "", command.At));
        else if (command is ChangeConsent && !string.IsNullOrWhiteSpace(command.Email) && EmailAddresses.Normalise(command.Email) != state.Email)
            Add(new EmailChanged(command.Email, command.Source, command.At));

        var outcome = command switch
        {
            ChangeConsent c => Change(state, c, Add),
            UnsubscribeAll u => Unsubscribe(state, u, Add),
            ConfirmDoubleOptIn c => Confirm(state, c, Add),
            RecordBounce b => Bounce(b, Add),
            _ => throw new ArgumentOutOfRangeException(nameof(command), command.GetType().Name),
        };
        return new ConsentResult(outcome, events);

        void Add(IConsentEvent e)
        {
            events.Add(e);
            state = state.Apply(e);
        }
    }

    private ConsentOutcome Change(CustomerConsentState state, ChangeConsent c, Action<IConsentEvent> add)
    {
        var standing = state.DecisionFor(c.Channel, c.Category);
        if (standing is not null && standing.At > c.At) return ConsentOutcome.Superseded;
        var pending = state.Pending.ContainsKey(CustomerConsentState.Key(c.Channel, c.Category));
        // The same decision at the same time is a replay. The same decision made later is recorded again: were it
        // dropped, an older opposite decision that arrives after it would find only the first one, and win.
        if (standing is not null && standing.OptedIn == c.OptIn && standing.At == c.At && !pending) return ConsentOutcome.Unchanged;
        if (!c.OptIn)
        {
            add(new OptedOut(c.Channel, c.Category, c.Source, c.At));
            return ConsentOutcome.Changed;
        }
        if (policy.NeedsConfirmation(c.Category) && standing is not { OptedIn: true })
        {
            // Asked again while a recent request waits: the email already on its way answers both. Without this, a
            // form posted in a loop would send the customer a confirmation each time.
            if (state.Pending.TryGetValue(CustomerConsentState.Key(c.Channel, c.Category), out var waiting) && c.At - waiting.At < ConfirmationResendAfter)
                return ConsentOutcome.ConfirmationRequested;
            add(new DoubleOptInRequested(c.Channel, c.Category, c.Source, c.At));
            return ConsentOutcome.ConfirmationRequested;
        }
        add(new OptedIn(c.Channel, c.Category, c.Source, c.At));
        return ConsentOutcome.Changed;
    }

    private static ConsentOutcome Unsubscribe(CustomerConsentState state, UnsubscribeAll u, Action<IConsentEvent> add)
    {
        if (u.LinkId is not null && state.UsedLinks.Contains(u.LinkId)) return ConsentOutcome.LinkAlreadyUsed;
        var allOut = ConsentCategories.Optional.All(c => state.DecisionFor(u.Channel, c) is { OptedIn: false } d && d.At >= u.At);
        if (allOut && state.Pending.Count == 0 && u.LinkId is null) return ConsentOutcome.Unchanged;
        add(new UnsubscribedFromAll(u.Channel, u.Source, u.LinkId, u.At));
        return ConsentOutcome.Changed;
    }

    private static ConsentOutcome Confirm(CustomerConsentState state, ConfirmDoubleOptIn c, Action<IConsentEvent> add)
    {
        var key = CustomerConsentState.Key(c.Channel, c.Category);
        if (!state.Pending.ContainsKey(key))
            return state.DecisionFor(c.Channel, c.Category) is { OptedIn: true } ? ConsentOutcome.Unchanged : ConsentOutcome.NothingToConfirm;
        add(new DoubleOptInConfirmed(c.Channel, c.Category, c.Source, c.At));
        return ConsentOutcome.Changed;
    }

    private static ConsentOutcome Bounce(RecordBounce b, Action<IConsentEvent> add)
    {
        add(new AddressBounced(b.Email ?? "", b.Reason, b.At));
        return ConsentOutcome.Changed;
    }
}
