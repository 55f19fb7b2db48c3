namespace CareFlows.Server.Delivery.Smtp;

/// <summary>
/// <c>Transient</c>: the server refused this message for now (a 4xx); it waits its own back-off. <c>Unreachable</c>: the
/// server could not be talked to at all; the message waits for the server's return, not for its back-off.
/// </summary>
public enum FailureKind { Transient, Unreachable, Permanent, InDoubt }
