namespace CareFlows.Server.Consent;

/// <summary>A consent message already applied: the receipt that makes a redelivery change nothing.</summary>
public sealed class ConsentMessageReceipt
{
    public string Id { get; set; } = "";
    public DateTimeOffset ReceivedAt { get; set; }
}
