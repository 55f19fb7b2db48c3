namespace CareFlows.Server.Delivery;

/// <summary>Whether a message may go, and why (the reason is recorded when it may not).</summary>
public sealed record SendVerdict(bool Allowed, string Reason)
{
    public static readonly SendVerdict Yes = new(true, "allowed");
}
