namespace CareFlows.Server.Delivery.Smtp;

/// <summary>The whole message reached the server and then the connection failed: it may or may not have been accepted.</summary>
public sealed class DeliveryInDoubtException(Exception inner)
    : Exception($"the connection failed after the whole message was handed over ({inner.Message})", inner);
