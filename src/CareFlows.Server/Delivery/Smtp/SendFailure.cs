using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;

namespace CareFlows.Server.Delivery.Smtp;

/// <summary>
/// <c>Transient</c>: the server refused this message for now (a 4xx); it waits its own back-off. <c>Unreachable</c>: the
/// server could not be talked to at all; the message waits for the server's return, not for its back-off.
/// </summary>
public enum FailureKind { Transient, Unreachable, Permanent, InDoubt }

/// <summary>The whole message reached the server and then the connection failed: it may or may not have been accepted.</summary>
public sealed class DeliveryInDoubtException(Exception inner)
    : Exception($"the connection failed after the whole message was handed over ({inner.Message})", inner);

public sealed record SendFailure(FailureKind Kind, string Reason)
{
    /// <summary>A 5xx answer is the server's final word; anything else (4xx, a dropped connection, a timeout) may pass.</summary>
    public static SendFailure Classify(Exception exception) => exception switch
    {
        DeliveryInDoubtException e => new(FailureKind.InDoubt, e.Message),
        SmtpCommandException { StatusCode: SmtpStatusCode.ServiceNotAvailable } e => new(FailureKind.Unreachable, $"421 {e.Message}"),
        SmtpCommandException { StatusCode: var code } e when (int)code >= 500 =>
            new(FailureKind.Permanent, $"{(int)code} {e.Message}"),
        SmtpCommandException { StatusCode: var code } e => new(FailureKind.Transient, $"{(int)code} {e.Message}"),
        SmtpProtocolException or ServiceNotConnectedException or IOException or SocketException or TimeoutException
            or OperationCanceledException or AuthenticationException => new(FailureKind.Unreachable, $"{exception.GetType().Name}: {exception.Message}"),
        _ => new(FailureKind.Transient, $"{exception.GetType().Name}: {exception.Message}"),
    };
}

public static class Backoff
{
    /// <summary>Exponential from <paramref name="first"/>, capped at <paramref name="max"/>, with jitter of up to half, so a recovering server is not hit by every retry at once.</summary>
    public static TimeSpan Delay(int attempt, TimeSpan first, TimeSpan max, double jitter)
    {
        var exponential = first.TotalMilliseconds * Math.Pow(2, Math.Max(0, attempt - 1));
        var capped = Math.Min(exponential, max.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(capped * (1 - 0.5 * Math.Clamp(jitter, 0, 1)));
    }
}
