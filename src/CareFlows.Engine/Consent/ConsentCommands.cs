namespace CareFlows.Engine.Consent;

/// <summary>Something that asks to change a customer's consent; <see cref="ConsentDecider"/> turns it into events.</summary>
public abstract record ConsentCommand(string CustomerId, string? Email, string Channel, string Source, DateTimeOffset At);

public sealed record ChangeConsent(string CustomerId, string? Email, string Channel, string Category, bool OptIn, string Source, DateTimeOffset At)
    : ConsentCommand(CustomerId, Email, Channel, Source, At);

public sealed record UnsubscribeAll(string CustomerId, string Channel, string Source, string? LinkId, DateTimeOffset At)
    : ConsentCommand(CustomerId, null, Channel, Source, At);

public sealed record ConfirmDoubleOptIn(string CustomerId, string Channel, string Category, DateTimeOffset At)
    : ConsentCommand(CustomerId, null, Channel, ConsentSources.ConfirmationLink, At);

public sealed record RecordBounce(string CustomerId, string Email, string Reason, DateTimeOffset At)
    : ConsentCommand(CustomerId, Email, Channels.Email, "mail-server", At);

public enum ConsentOutcome
{
    Changed,
    /// <summary>Already so: nothing to record.</summary>
    Unchanged,
    /// <summary>A later decision stands; this one is older and changes nothing.</summary>
    Superseded,
    /// <summary>This one-click link was used before.</summary>
    LinkAlreadyUsed,
    /// <summary>Marketing consent waits for the click in the confirmation email.</summary>
    ConfirmationRequested,
    NothingToConfirm,
}

public sealed record ConsentResult(ConsentOutcome Outcome, IReadOnlyList<IConsentEvent> Events);
