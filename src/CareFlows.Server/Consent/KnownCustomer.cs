namespace CareFlows.Server.Consent;

/// <summary>What the orders room knows of a customer that consent may not: the address and locale of their latest order.</summary>
public sealed record KnownCustomer(string? Email, string? Locale);
