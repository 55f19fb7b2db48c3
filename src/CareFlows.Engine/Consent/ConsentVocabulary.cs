namespace CareFlows.Engine.Consent;

public static class Channels
{
    public const string Email = "email";
    public const string Sms = "sms";
    public static readonly IReadOnlyList<string> All = [Email, Sms];
}

/// <summary>The message categories. Transactional mail (an order confirmation) needs no consent.</summary>
public static class ConsentCategories
{
    public const string Transactional = "transactional";
    public const string Service = "service";
    public const string Marketing = "marketing";

    /// <summary>The categories a customer can opt in to or out of.</summary>
    public static readonly IReadOnlyList<string> Optional = [Service, Marketing];
}

/// <summary>Where a decision was made. Free text is allowed from the shop; these are the ones CareFlows itself uses.</summary>
public static class ConsentSources
{
    public const string Checkout = "checkout";
    public const string PreferencePage = "preference-page";
    public const string OneClickUnsubscribe = "one-click-unsubscribe";
    public const string Api = "api";
    public const string Shop = "shop";
    public const string Support = "support";
    public const string ConfirmationLink = "confirmation-link";
    /// <summary>Mail to the List-Unsubscribe mailto address, read from the inbound mailbox.</summary>
    public const string MailtoUnsubscribe = "mailto-unsubscribe";
    public const string Bounce = "bounce";

    /// <summary>
    /// What only CareFlows itself may write: the customer's own clicks, and a bounce. A shop sending one of these would
    /// make its decision look like the customer's.
    /// </summary>
    public static readonly IReadOnlyList<string> Reserved = [PreferencePage, OneClickUnsubscribe, ConfirmationLink, Bounce];

    public static bool IsReserved(string? source) => source is not null && Reserved.Contains(source.Trim(), StringComparer.OrdinalIgnoreCase);
}
