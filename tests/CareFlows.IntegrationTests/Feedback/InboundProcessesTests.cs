using CareFlows.Engine.Runtime;
using CareFlows.IntegrationTests.Infrastructure;
using CareFlows.IntegrationTests.Orders;
using CareFlows.Server.Flows;
using CareFlows.Server.Inbound;
using MimeKit;

namespace CareFlows.IntegrationTests.Feedback;

/// <summary>Two real server processes reading one IMAP mailbox: each reply is recorded once, and each mail leaves the inbox.</summary>
[Collection(ServerProcessesCollection.Name)]
public class InboundProcessesTests(ServerProcessesFixture app) : IAsyncLifetime
{
    private readonly TestMailbox _mailbox = new();

    public async Task InitializeAsync()
    {
        await app.ResetAsync();
        await _mailbox.ClearAsync();
    }

    public Task DisposeAsync() => _mailbox.ClearAsync();

    private static readonly (string, string)[] Inbound =
    [
        ("Inbound:Host", "127.0.0.1"), ("Inbound:Port", TestServices.ImapPort.ToString()), ("Inbound:Security", "None"),
        ("Inbound:Username", TestServices.ImapUser), ("Inbound:Password", TestServices.ImapPassword), ("Inbound:PollInterval", "00:00:01"),
    ];

    [Fact]
    public async Task two_server_processes_reading_one_mailbox_record_each_reply_once()
    {
        await using var first = await app.StartServerAsync("inbound-a", Inbound);
        await using var second = await app.StartServerAsync("inbound-b", Inbound);
        var order = TestOrders.New();
        await using (var publisher = await app.RawPublisherAsync()) await publisher.PublishAsync(order);
        var confirmation = (await app.Mail.WaitForAsync(order.Customer.Email)).First();
        var confirmationId = (await app.Mail.RawHeaderAsync(confirmation, "Message-Id")).Trim();

        const int replies = 12;
        var run = Guid.NewGuid().ToString("N")[..8];
        for (var i = 0; i < replies; i++)
        {
            var mail = new MimeMessage { MessageId = $"processes-{run}-{i}@customer.example", Subject = "Re: Your order", InReplyTo = confirmationId };
            mail.From.Add(MailboxAddress.Parse(order.Customer.Email));
            mail.To.Add(MailboxAddress.Parse("care@shop.example"));
            mail.Body = new TextPart("plain") { Text = $"Question number {i}" };
            await _mailbox.DeliverAsync(mail);
        }

        var stream = FlowStreamId.For(ServerProcessesFixture.FlowId, order.OrderId);
        await Eventually.Until(() => RepliesAsync(stream), n => n >= replies, "every reply recorded", TimeSpan.FromSeconds(60));
        await Eventually.Until(() => _mailbox.CountAsync("INBOX"), n => n == 0, "every reply out of the inbox", TimeSpan.FromSeconds(30));
        (await RepliesAsync(stream)).ShouldBe(replies);
        (await app.CountAsync($"select count(*) from {InboundSchema.Table} where mail_key like 'id:processes-{run}-%'")).ShouldBe(replies);
    }

    private async Task<long> RepliesAsync(Guid stream)
    {
        await using var session = app.Store.QuerySession();
        return (await session.Events.FetchStreamAsync(stream)).Count(e => e.Data is CustomerReplied);
    }
}
