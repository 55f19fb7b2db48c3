using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Sockets;
using MailKit;
using CareFlows.Server.Delivery.Outbox;
using MailKit.Net.Smtp;
using MimeKit;

namespace CareFlows.Server.Delivery.Smtp;

/// <summary>
/// Sends through a small pool of open SMTP connections: connecting and greeting per message is the main
/// cost of SMTP, so connections are reused. A pooled connection is only as good as the server's patience: servers
/// close idle connections (maildev after 60 s, most after a few minutes), often with a "421 Timeout" that the client
/// reads only on its next command. So a connection idle longer than <see cref="SmtpOptions.MaxIdle"/> is not reused,
/// and a pooled connection that turns out to be closed says nothing about the message: it is sent again at once on a
/// fresh connection. A send fails only when a fresh connection fails.
/// </summary>
public sealed class SmtpSender(SmtpOptions smtp, EmailOptions email, TimeProvider clock) : IAsyncDisposable
{
    private readonly SendRate _rate = new(smtp.MaxPerSecond, clock);
    private readonly ConcurrentBag<PooledConnection> _idle = [];
    private readonly SemaphoreSlim _slots = new(Math.Max(1, smtp.Concurrency));

    public async Task SendAsync(OutboxMessage message, CancellationToken ct)
    {
        await _rate.WaitTurnAsync(ct);
        await _slots.WaitAsync(ct);
        try
        {
            var mime = ToMime(message);
            var (client, pooled) = TakeConnection();
            try
            {
                await SendOnAsync(client, mime, ct);
                return;
            }
            catch (Exception e) when (pooled && IsClosedConnection(e))
            {
                // The server had closed it: says nothing about the message, which goes on a fresh connection below.
            }
            try
            {
                await SendOnAsync(NewClient(), mime, ct);
            }
            catch (Exception e) when (IsClosedConnection(e))
            {
                // A fresh connection failed too: the server is away, and the idle ones are as dead as this one.
                await DiscardIdleAsync();
                throw;
            }
        }
        finally
        {
            _slots.Release();
        }
    }

    private (SmtpClient Client, bool Pooled) TakeConnection()
    {
        while (_idle.TryTake(out var pooled))
        {
            if (pooled.Client.IsConnected && Stopwatch.GetElapsedTime(pooled.IdleSince) < smtp.MaxIdle) return (pooled.Client, true);
            _ = Discard(pooled.Client); // the server has closed it, or is about to: not worth a round trip to find out
        }
        return (NewClient(), false);
    }

    private SmtpClient NewClient() => new() { Timeout = smtp.TimeoutSeconds * 1000 };

    // One SMTP conversation on one connection. The connection goes back to the pool when it is still good, that is
    // after a success or after the server refused this one message (a 4xx or 5xx other than 421).
    private async Task SendOnAsync(SmtpClient client, MimeMessage mime, CancellationToken ct)
    {
        var healthy = false;
        try
        {
            await EnsureConnected(client, ct);
            var progress = new DataProgress();
            try
            {
                await client.SendAsync(mime, ct, progress);
            }
            catch (Exception e) when (progress.AllHandedOver && e is not SmtpCommandException)
            {
                throw new DeliveryInDoubtException(e);
            }
            healthy = true;
        }
        catch (SmtpCommandException e) when (e.ErrorCode is not SmtpErrorCode.UnexpectedStatusCode && e.StatusCode != SmtpStatusCode.ServiceNotAvailable)
        {
            healthy = client.IsConnected;
            throw;
        }
        finally
        {
            if (healthy) _idle.Add(new PooledConnection(client, Stopwatch.GetTimestamp()));
            else await Discard(client);
        }
    }

    /// <summary>
    /// The connection, not the message, failed, and before the message was handed over in full: a 421 ("closing
    /// connection"), a dropped or refused connection, a protocol error. Never a doubt: that message may have arrived.
    /// </summary>
    public static bool IsClosedConnection(Exception e) => e switch
    {
        DeliveryInDoubtException => false,
        SmtpCommandException c => c.StatusCode == SmtpStatusCode.ServiceNotAvailable,
        SmtpProtocolException or ServiceNotConnectedException or IOException or SocketException => true,
        _ => false,
    };

    private async Task DiscardIdleAsync()
    {
        while (_idle.TryTake(out var pooled)) await Discard(pooled.Client);
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
        mime.From.Add(new MailboxAddress(message.FromName != "" ? message.FromName : email.FromName, email.FromAddress));
        var replyTo = message.ReplyTo != "" ? message.ReplyTo : email.ReplyTo;
        if (replyTo != "") mime.ReplyTo.Add(MailboxAddress.Parse(replyTo));
        mime.To.Add(MailboxAddress.Parse(message.Recipient));
        mime.Headers.Add("X-CareFlows-Category", message.Category);
        if (message.Kind == OutboxKinds.Test) mime.Headers.Add("X-CareFlows-Test", "true");
        if (message.UnsubscribeUrl != "")
        {
            // RFC 8058 one-click: mail clients POST "List-Unsubscribe=One-Click" to the https URL, with no page between.
            // Decided when the message was queued; a row queued before that was stored gets the https URL alone.
            mime.Headers.Add(HeaderId.ListUnsubscribe, message.ListUnsubscribe != "" ? message.ListUnsubscribe : $"<{message.UnsubscribeUrl}>");
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

    private sealed record PooledConnection(SmtpClient Client, long IdleSince);

    public async ValueTask DisposeAsync()
    {
        while (_idle.TryTake(out var pooled))
        {
            var client = pooled.Client;
            try { await client.DisconnectAsync(quit: true); } catch (Exception) { /* closing anyway */ }
            client.Dispose();
        }
    }
}
