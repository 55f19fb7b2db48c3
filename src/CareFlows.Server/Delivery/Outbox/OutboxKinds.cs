namespace CareFlows.Server.Delivery.Outbox;

public static class OutboxKinds
{
    public const string Flow = "flow";
    public const string Consent = "consent";
    /// <summary>An alert to a person of the shop's team (NotifyTeam), never to a customer: no consent applies.</summary>
    public const string Team = "team";
    /// <summary>A marketer's test send from the designer: to the address they typed, never counted, no consent applies.</summary>
    public const string Test = "test";
}
