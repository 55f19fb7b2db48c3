using CareFlows.Engine.Runtime;
using CareFlows.IntegrationTests.Infrastructure;
using CareFlows.IntegrationTests.Orders;
using CareFlows.Server.Consent;
using CareFlows.Server.Delivery.Outbox;
using CareFlows.Server.Inbound;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MimeKit;

namespace CareFlows.IntegrationTests.Feedback;

/// <summary>What comes back by email, delivered into a real Dovecot mailbox that the server reads over IMAP.</summary>
[Collection(CareFlowsCollection.Name)]
public class InboundMailTests(CareFlowsFixture app) : IAsyncLifetime
{
    public Task InitializeAsync() => app.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task a_reply_to_the_check_in_is_recorded_on_its_instance_without_the_quoted_mail_and_opens_a_case()
    {
        var order = await CheckIns.DeliveredAndCheckedInAsync(app);
        var checkIn = (await app.Mail.ToAsync(order.Customer.Email)).Single(m => m.Subject.StartsWith("How is everything"));
        var checkInId = (await app.Mail.RawHeaderAsync(checkIn, "Message-Id")).Trim();

        await app.Mailbox.DeliverAsync(Reply(order.Customer.Email, checkInId,
            "The lid of the teapot is cracked.\n\nOn Mon, 30 Nov 2026 at 10:00, Demo Shop <care@shop.example> wrote:\n> Your order arrived a few days ago."));

        var replied = await Eventually.Until(async () => (await app.EventsAsync(order)).OfType<CustomerReplied>().ToList(), r => r.Count > 0, "the reply on the instance");
        replied.ShouldHaveSingleItem().Text.ShouldBe("The lid of the teapot is cracked.");
        await Eventually.Until(() => app.InstanceAsync(order), i => i?.State.Waiting?.ActivityId is "apology-daytime" or "wait-for-resolution", "the replied branch");
        await using (var session = app.Services.GetRequiredService<IDocumentStore>().QuerySession())
        {
            var care = await session.LoadAsync<CareFlows.Server.Care.CustomerCareFile>(CareFlows.Server.Care.CareStreamId.For(order.Customer.CustomerId));
            care!.Cases.ShouldHaveSingleItem().Reason.ShouldBe("the customer replied");
        }
        await Eventually.Until(() => app.Mailbox.CountAsync(TestMailbox.Handled), n => n == 1, "the reply moved to the handled folder");
        (await app.Mailbox.CountAsync("INBOX")).ShouldBe(0);
    }

    [Fact]
    public async Task a_delivery_status_notification_after_acceptance_is_a_bounce_on_the_right_instance_and_address()
    {
        var order = TestOrders.New() with { PlacedAt = app.Clock.GetUtcNow() };
        await app.Bus.Publish(order);
        var confirmation = (await app.Mail.WaitForAsync(order.Customer.Email)).Single();
        var messageId = (await app.Mail.RawHeaderAsync(confirmation, "Message-Id")).Trim();
        await app.OutboxDrainedAsync();

        await app.Mailbox.DeliverAsync(DeliveryStatusNotification(messageId, order.Customer.Email));

        var failed = await Eventually.Until(async () => (await app.EventsAsync(order)).OfType<EmailFailed>().ToList(), f => f.Count > 0, "the bounce on the instance");
        failed.ShouldHaveSingleItem().Permanent.ShouldBeTrue();
        failed[0].Reason.ShouldContain("5.1.1");
        (await app.CountAsync($"select count(*) from {OutboxSchema.Table} where status = 'bounced'")).ShouldBe(1);
        await using var session = app.Services.GetRequiredService<IDocumentStore>().QuerySession();
        (await session.LoadAsync<SuppressedAddress>(SuppressedAddress.Key(order.Customer.Email))).ShouldNotBeNull();
    }

    [Fact]
    public async Task mail_to_the_unsubscribe_address_unsubscribes_its_sender()
    {
        var order = TestOrders.New() with { PlacedAt = app.Clock.GetUtcNow() };
        await app.ConsentAsync(order, "marketing");
        await app.Bus.Publish(order);
        await app.Mail.WaitForAsync(order.Customer.Email);

        var mail = new MimeMessage { MessageId = $"{Guid.NewGuid():N}@customer.example", Subject = "unsubscribe" };
        mail.From.Add(MailboxAddress.Parse(order.Customer.Email.ToUpperInvariant()));
        mail.To.Add(MailboxAddress.Parse(TestServices.UnsubscribeAddress));
        mail.Body = new TextPart("plain") { Text = "" };
        await app.Mailbox.DeliverAsync(mail);

        var consent = await Eventually.Until(() => app.ConsentOfAsync(order.Customer.CustomerId),
            c => c?.State.DecisionFor("email", "marketing") is { OptedIn: false }, "the customer unsubscribed");
        consent!.State.DecisionFor("email", "marketing")!.Source.ShouldBe("mailto-unsubscribe");
        consent.State.DecisionFor("email", "service")!.OptedIn.ShouldBeFalse();
    }

    [Fact]
    public async Task mail_that_answers_nothing_is_kept_for_a_person_in_the_unmatched_folder()
    {
        var mail = new MimeMessage { MessageId = $"{Guid.NewGuid():N}@customer.example", Subject = "Do you sell gift cards?" };
        mail.From.Add(MailboxAddress.Parse("someone@customer.example"));
        mail.To.Add(MailboxAddress.Parse("care@shop.example"));
        mail.Body = new TextPart("plain") { Text = "Hello, do you sell gift cards?" };
        await app.Mailbox.DeliverAsync(mail);

        await Eventually.Until(() => app.Mailbox.CountAsync(TestMailbox.Unmatched), n => n == 1, "the mail in the unmatched folder");
        (await app.Mailbox.CountAsync("INBOX")).ShouldBe(0);
    }

    [Fact]
    public async Task two_readers_of_one_mailbox_record_each_reply_once()
    {
        var order = await CheckIns.DeliveredAndCheckedInAsync(app);
        var checkIn = (await app.Mail.ToAsync(order.Customer.Email)).Single(m => m.Subject.StartsWith("How is everything"));
        var checkInId = (await app.Mail.RawHeaderAsync(checkIn, "Message-Id")).Trim();

        // A second reader on the same services, as a second server process would run one.
        var second = ActivatorUtilities.CreateInstance<InboundMailReader>(app.Services);
        using var stop = new CancellationTokenSource();
        await second.StartAsync(stop.Token);
        try
        {
            const int replies = 12;
            var run = Guid.NewGuid().ToString("N")[..8];
            for (var i = 0; i < replies; i++) await app.Mailbox.DeliverAsync(Reply(order.Customer.Email, checkInId, $"Reply number {i}", $"two-readers-{run}-{i}@customer.example"));

            await Eventually.Until(async () => (await app.EventsAsync(order)).OfType<CustomerReplied>().Count(), n => n >= replies, "every reply recorded");
            await Eventually.Until(() => app.Mailbox.CountAsync("INBOX"), n => n == 0, "every reply moved out of the inbox");
            var recorded = (await app.EventsAsync(order)).OfType<CustomerReplied>().Select(r => r.Text).ToList();
            recorded.Count.ShouldBe(replies);
            recorded.Distinct().Count().ShouldBe(replies);
            (await app.CountAsync($"select count(*) from {InboundSchema.Table} where kind = 'Reply' and mail_key like 'id:two-readers-{run}-%'")).ShouldBe(replies);
        }
        finally
        {
            await stop.CancelAsync();
            await second.StopAsync(CancellationToken.None);
        }
    }

    private static MimeMessage Reply(string from, string inReplyTo, string text, string? messageId = null)
    {
        var mail = new MimeMessage { MessageId = messageId ?? $"{Guid.NewGuid():N}@customer.example", Subject = "Re: How is everything?", InReplyTo = inReplyTo };
        mail.References.Add(inReplyTo);
        mail.From.Add(MailboxAddress.Parse(from));
        mail.To.Add(MailboxAddress.Parse("care@shop.example"));
        mail.Body = new TextPart("plain") { Text = text };
        return mail;
    }

    // RFC 3464 as a receiving MTA sends it when it accepted a message and could not deliver it after all.
    private static MimeMessage DeliveryStatusNotification(string originalId, string recipient)
    {
        var status = new MessageDeliveryStatus();
        status.StatusGroups.Add(new HeaderList { { "Reporting-MTA", "dns; mx.customer.example" } });
        status.StatusGroups.Add(new HeaderList
        {
            { "Final-Recipient", $"rfc822; {recipient}" }, { "Action", "failed" }, { "Status", "5.1.1" },
            { "Diagnostic-Code", "smtp; 550 5.1.1 mailbox unknown" },
        });
        var original = new MimeMessage { MessageId = originalId.Trim('<', '>'), Subject = "Your order" };
        var report = new MultipartReport("delivery-status")
        {
            new TextPart("plain") { Text = "Your message could not be delivered." },
            status,
            new TextRfc822Headers { Message = original },
        };
        var mail = new MimeMessage { MessageId = $"{Guid.NewGuid():N}@mx.customer.example", Subject = "Undelivered Mail Returned to Sender", Body = report };
        mail.From.Add(MailboxAddress.Parse("MAILER-DAEMON@mx.customer.example"));
        mail.To.Add(MailboxAddress.Parse("care@shop.example"));
        return mail;
    }
}
