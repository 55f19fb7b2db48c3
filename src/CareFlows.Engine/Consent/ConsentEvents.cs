namespace CareFlows.Engine.Consent;

/// <summary>
/// What a customer decided, as stored in their consent stream. <c>At</c> is when the decision was made (by the
/// shop's clock for shop messages, ours otherwise), which is not always when it arrived: the latest decision wins.
/// </summary>
public interface IConsentEvent
{
    DateTimeOffset At { get; }
}

/// <summary>The first event of every customer's stream.</summary>
public sealed record ConsentRecordOpened(string CustomerId, string Email, DateTimeOffset At) : IConsentEvent;

public sealed record OptedIn(string Channel, string Category, string Source, DateTimeOffset At) : IConsentEvent;

public sealed record OptedOut(string Channel, string Category, string Source, DateTimeOffset At) : IConsentEvent;

/// <summary>Marketing consent asked for, to count once the customer clicks the link in the confirmation email.</summary>
public sealed record DoubleOptInRequested(string Channel, string Category, string Source, DateTimeOffset At) : IConsentEvent;

public sealed record DoubleOptInConfirmed(string Channel, string Category, string Source, DateTimeOffset At) : IConsentEvent;

/// <summary>Every category of the channel withdrawn at once; <c>LinkId</c> names the one-click link used, if any.</summary>
public sealed record UnsubscribedFromAll(string Channel, string Source, string? LinkId, DateTimeOffset At) : IConsentEvent;

public sealed record EmailChanged(string Email, string Source, DateTimeOffset At) : IConsentEvent;

/// <summary>The mail server refused the address for good: no service or marketing mail to it until it changes.</summary>
public sealed record AddressBounced(string Email, string Reason, DateTimeOffset At) : IConsentEvent;
