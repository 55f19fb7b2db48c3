using CareFlows.Server.Delivery.Smtp;
using MailKit.Net.Smtp;

namespace CareFlows.Tests.Delivery;

public class SendFailureTests
{
    [Fact]
    public void a_5xx_answer_is_permanent() =>
        SendFailure.Classify(new SmtpCommandException(SmtpErrorCode.RecipientNotAccepted, SmtpStatusCode.MailboxUnavailable, "no such user"))
            .Kind.ShouldBe(FailureKind.Permanent);

    [Fact]
    public void a_4xx_answer_is_transient() =>
        SendFailure.Classify(new SmtpCommandException(SmtpErrorCode.MessageNotAccepted, SmtpStatusCode.MailboxBusy, "try later"))
            .Kind.ShouldBe(FailureKind.Transient);

    [Fact]
    public void a_refused_connection_means_the_server_is_unreachable() =>
        SendFailure.Classify(new System.Net.Sockets.SocketException(111)).Kind.ShouldBe(FailureKind.Unreachable);

    [Fact]
    public void a_421_means_the_server_is_unreachable_not_that_the_message_was_refused() =>
        SendFailure.Classify(new SmtpCommandException(SmtpErrorCode.SenderNotAccepted, SmtpStatusCode.ServiceNotAvailable, "Timeout - closing connection"))
            .Kind.ShouldBe(FailureKind.Unreachable);

    [Fact]
    public void a_421_on_a_pooled_connection_is_a_closed_connection_to_replace() =>
        SmtpSender.IsClosedConnection(new SmtpCommandException(SmtpErrorCode.SenderNotAccepted, SmtpStatusCode.ServiceNotAvailable, "Timeout")).ShouldBeTrue();

    [Fact]
    public void a_connection_that_broke_after_the_whole_message_is_never_replaced_and_resent() =>
        SmtpSender.IsClosedConnection(new DeliveryInDoubtException(new IOException("reset"))).ShouldBeFalse();

    [Fact]
    public void a_refused_recipient_is_not_a_closed_connection() =>
        SmtpSender.IsClosedConnection(new SmtpCommandException(SmtpErrorCode.RecipientNotAccepted, SmtpStatusCode.MailboxUnavailable, "no such user")).ShouldBeFalse();

    [Fact]
    public void backoff_doubles_up_to_its_cap()
    {
        var first = TimeSpan.FromSeconds(5);
        var max = TimeSpan.FromMinutes(1);
        Backoff.Delay(1, first, max, jitter: 0).ShouldBe(TimeSpan.FromSeconds(5));
        Backoff.Delay(3, first, max, jitter: 0).ShouldBe(TimeSpan.FromSeconds(20));
        Backoff.Delay(10, first, max, jitter: 0).ShouldBe(TimeSpan.FromMinutes(1));
    }

    [Fact]
    public void jitter_shortens_a_delay_by_at_most_half() =>
        Backoff.Delay(2, TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(1), jitter: 1).ShouldBe(TimeSpan.FromSeconds(5));
}
