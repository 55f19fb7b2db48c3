using System.Collections.Concurrent;
using CareFlows.Server.Consent;
using CareFlows.Server.Delivery.Outbox;
using MailKit.Net.Smtp;
using MimeKit;

namespace CareFlows.Server.Delivery.Smtp;

/// <summary>
/// Sends through a small pool of open SMTP connections: connecting and greeting per message is the main
/// cost of SMTP, so connections are reused and only replaced after a failure.
/// </summary>
public sealed class SmtpSender(SmtpOptions smtp, EmailOptions email, ConsentLinks links, TimeProvider clock) : IAsyncDisposable
{
    private readonly SendRate _rate = new(smtp.MaxPerSecond, clock);
    private readonly ConcurrentBag<SmtpClient> _idle = [];
    private readonly SemaphoreSlim _slots = new(Math.Max(1, smtp.Concurrency));

    public async Task SendAsync(OutboxMessage message, CancellationToken ct)
    {
        await _rate.WaitTurnAsync(ct);
        await _slots.WaitAsync(ct);
        var client = _idle.TryTake(out var pooled) ? pooled : new SmtpClient { Timeout = smtp.TimeoutSeconds * 1000 };
        var healthy = false;
        try
        {
            await EnsureConnected(client, ct);
            var progress = new DataProgress();
            try
            {
                await client.SendAsync(ToMime(message), ct, progress);
            }
            catch (Exception e) when (progress.AllHandedOver && e is not SmtpCommandException)
            {
                throw new DeliveryInDoubtException(e);
            }
            healthy = true;
        }
        catch (SmtpCommandException e) when (e.ErrorCode is not SmtpErrorCode.UnexpectedStatusCode)
        {
            healthy = client.IsConnected; // the server refused this message; the connection itself is fine
            throw;
        }
        finally
        {
            if (healthy) _idle.Add(client);
            else await Discard(client);
            _slots.Release();
        }
    }

    /// <summary>Connects, greets and quits: what /health asks of the SMTP server.</summary>
    public async Task ProbeAsync(CancellationToken ct)
    {
        using var client = new SmtpClient { Timeout = 5000 };
        await EnsureConnected(client, ct);
        await client.NoOpAsync(ct);
        await client.DisconnectAsync(quit: true, ct);
    }

    private async Task EnsureConnected(SmtpClient client, CancellationToken ct)
    {
        if (client.IsConnected) return;
        // Our own socket, to switch Nagle's algorithm off: with it on, a message larger than a few KiB waited for the
        // server's delayed ACK (~40 ms) on every send, which capped a connection at about 20 messages/s.
        var socket = new System.Net.Sockets.Socket(System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(smtp.Host, smtp.Port, ct);
            await client.ConnectAsync(socket, smtp.Host, smtp.Port, smtp.Security, ct);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
        if (!string.IsNullOrEmpty(smtp.Username)) await client.AuthenticateAsync(smtp.Username, smtp.Password, ct);
    }

    private MimeMessage ToMime(OutboxMessage message)
    {
        var mime = new MimeMessage
        {
            MessageId = message.MessageId,
            Subject = message.Subject,
            Date = message.CreatedAt,
            Body = new BodyBuilder { HtmlBody = message.HtmlBody, TextBody = message.TextBody }.ToMessageBody(),
        };
        mime.From.Add(new MailboxAddress(email.FromName, email.FromAddress));
        mime.To.Add(MailboxAddress.Parse(message.Recipient));
        mime.Headers.Add("X-CareFlows-Category", message.Category);
        if (message.UnsubscribeUrl != "")
        {
            // RFC 8058 one-click: mail clients POST "List-Unsubscribe=One-Click" to the https URL, with no page between.
            mime.Headers.Add(HeaderId.ListUnsubscribe, links.ListUnsubscribeHeader(message.UnsubscribeUrl));
            mime.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }
        return mime;
    }

    /// <summary>Tells whether the message's DATA was sent in full: only then can the server have accepted it.</summary>
    private sealed class DataProgress : MailKit.ITransferProgress
    {
        public bool AllHandedOver { get; private set; }
        public void Report(long bytesTransferred, long totalSize) => AllHandedOver = bytesTransferred >= totalSize;
        public void Report(long bytesTransferred) { }
    }

    private static async Task Discard(SmtpClient client)
    {
        try { if (client.IsConnected) await client.DisconnectAsync(quit: false); }
        catch (Exception) { /* already broken: nothing more to do */ }
        client.Dispose();
    }

    public async ValueTask DisposeAsync()
    {
        while (_idle.TryTake(out var client))
        {
            try { await client.DisconnectAsync(quit: true); } catch (Exception) { /* closing anyway */ }
            client.Dispose();
        }
    }
}
