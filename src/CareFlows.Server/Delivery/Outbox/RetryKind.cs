namespace CareFlows.Server.Delivery.Outbox;

/// <summary>Why a pending row waits for a retry: the SMTP server could not be reached, or it refused this message for now.</summary>
public static class RetryKind
{
    public const string Server = "server";
    public const string Message = "message";
}
