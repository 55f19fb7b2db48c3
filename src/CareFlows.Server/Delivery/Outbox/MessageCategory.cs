namespace CareFlows.Server.Delivery.Outbox;

/// <summary>The categories a message is sent under: the consent vocabulary's, so there is one list of them.</summary>
public static class MessageCategory
{
    public const string Transactional = CareFlows.Engine.Consent.ConsentCategories.Transactional;
    public const string Service = CareFlows.Engine.Consent.ConsentCategories.Service;
    public const string Marketing = CareFlows.Engine.Consent.ConsentCategories.Marketing;

    public static readonly IReadOnlyList<string> All = [Transactional, Service, Marketing];
}
