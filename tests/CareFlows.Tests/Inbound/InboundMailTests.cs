using CareFlows.Server.Inbound;
using MimeKit;

namespace CareFlows.Tests.Inbound;

public class InboundMailTests
{
    private const string Domain = "careflows.local";
    private const string CheckIn = "0123456789abcdef0123456789abcdef.check-in.1@careflows.local";

    private static MimeMessage Mail(string text, string? inReplyTo = null, string to = "care@shop.example", params string[] references)
    {
        var mail = new MimeMessage { Subject = "Re: How is everything?", InReplyTo = inReplyTo };
        foreach (var r in references) mail.References.Add(r);
        mail.From.Add(MailboxAddress.Parse("Ada <Ada@Example.com>"));
        mail.To.Add(MailboxAddress.Parse(to));
        mail.Body = new TextPart("plain") { Text = text };
        return mail;
    }

    [Fact]
    public void a_reply_is_matched_by_in_reply_to_and_keeps_only_what_the_customer_typed()
    {
        var what = InboundMail.Classify(Mail("The lid is cracked.\n\nOn Mon, 30 Nov 2026, Demo Shop <care@shop.example> wrote:\n> Your order arrived", CheckIn), Domain, "");
        what.Kind.ShouldBe(InboundKind.Reply);
        what.MessageId.ShouldBe(CheckIn);
        what.Text.ShouldBe("The lid is cracked.");
    }

    [Fact]
    public void a_reply_whose_client_dropped_in_reply_to_is_matched_by_its_references()
    {
        InboundMail.Classify(Mail("Thanks!", null, "care@shop.example", "<other@elsewhere.example>", $"<{CheckIn}>"), Domain, "").MessageId.ShouldBe(CheckIn);
    }

    [Theory]
    [InlineData("Danke!\n\nAm 30.11.2026 um 10:00 schrieb Demo Shop <care@shop.example>:\n> Ihre Bestellung", "Danke!")]
    [InlineData("Merci.\n\nLe lun. 30 nov. 2026 à 10:00, Demo Shop <care@shop.example> a écrit :\n> Votre commande", "Merci.")]
    [InlineData("Fine.\n-----Original Message-----\nFrom: Demo Shop", "Fine.")]
    [InlineData("Top line\n> quoted\nbottom line", "Top line\nbottom line")]
    public void quoted_history_is_stripped_in_english_german_and_french(string text, string kept) =>
        QuotedText.Strip(text).ShouldBe(kept);

    [Fact]
    public void mail_that_answers_nothing_careflows_sent_is_unmatched()
    {
        InboundMail.Classify(Mail("Do you sell gift cards?"), Domain, "").Kind.ShouldBe(InboundKind.Unmatched);
        InboundMail.Classify(Mail("Hi", "someone@else.example"), Domain, "").Kind.ShouldBe(InboundKind.Unmatched);
    }

    [Fact]
    public void an_automatic_reply_is_not_taken_for_the_customer_speaking()
    {
        var away = Mail("I am away until Monday.", CheckIn);
        away.Headers.Add(HeaderId.AutoSubmitted, "auto-replied");
        InboundMail.Classify(away, Domain, "").Kind.ShouldBe(InboundKind.Unmatched);
    }

    [Fact]
    public void mail_to_the_unsubscribe_address_unsubscribes_its_sender_by_normalised_address()
    {
        var what = InboundMail.Classify(Mail("", to: "Unsubscribe@CareFlows.test"), Domain, "unsubscribe@careflows.test");
        what.Kind.ShouldBe(InboundKind.Unsubscribe);
        what.Address.ShouldBe("ada@example.com");
    }

    [Theory]
    [InlineData("failed", "5.1.1", InboundKind.Bounce)]
    [InlineData("delayed", "4.4.7", InboundKind.Ignored)]
    [InlineData("failed", "4.2.2", InboundKind.Ignored)]
    public void a_delivery_report_is_a_bounce_only_when_it_reports_a_permanent_failure(string action, string status, InboundKind kind)
    {
        var report = new MessageDeliveryStatus();
        report.StatusGroups.Add(new HeaderList { { "Reporting-MTA", "dns; mx.example" } });
        report.StatusGroups.Add(new HeaderList { { "Final-Recipient", "rfc822; ada@example.com" }, { "Action", action }, { "Status", status } });
        var mail = new MimeMessage
        {
            Body = new MultipartReport("delivery-status") { new TextPart("plain") { Text = "Undeliverable" }, report, new TextRfc822Headers { Message = new MimeMessage { MessageId = CheckIn } } },
        };
        var what = InboundMail.Classify(mail, Domain, "");
        what.Kind.ShouldBe(kind);
        if (kind == InboundKind.Bounce) (what.MessageId, what.Address).ShouldBe((CheckIn, "ada@example.com"));
    }
}
