using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;

namespace CareFlows.Server.Delivery.Smtp;

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
