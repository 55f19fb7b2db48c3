namespace CareFlows.Server.Delivery.Outbox;

public static class OutboxKinds
{
    public const string Flow = "flow";
    public const string Consent = "consent";
}
