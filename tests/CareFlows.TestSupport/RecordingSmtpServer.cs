using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace CareFlows.TestSupport;

public sealed record ReceivedMessage(string From, IReadOnlyList<string> To, string MessageId, string Subject, string Raw);

/// <summary>
/// A small SMTP server for the delivery tests that need what the shared sink cannot do: refuse a recipient with a
/// 5xx, and go away and come back on the same port. It speaks enough SMTP for MailKit (EHLO, MAIL, RCPT, DATA, RSET,
/// NOOP, QUIT) and records every message it accepts.
/// </summary>
public sealed class RecordingSmtpServer : IAsyncDisposable
{
    private readonly ConcurrentQueue<ReceivedMessage> _received = new();
    private readonly ConcurrentDictionary<TcpClient, byte> _clients = new();
    private TcpListener? _listener;
    private CancellationTokenSource _stop = new();

    public int Port { get; private set; }
    public ConcurrentDictionary<string, string> RefusedRecipients { get; } = new(StringComparer.OrdinalIgnoreCase);
    public IReadOnlyList<ReceivedMessage> Received => _received.ToList();

    /// <summary>
    /// Like maildev and real servers: a connection silent this long is told "421 Timeout - closing connection" and
    /// closed. The client reads the 421 only when it next speaks. Null: connections may idle for ever.
    /// </summary>
    public TimeSpan? IdleTimeout { get; set; }

    /// <summary>How many connections were closed for idling.</summary>
    public int IdleConnectionsClosed => _idleClosed;
    private int _idleClosed;

    /// <summary>Connections accepted since the start (a fresh connection per message would show here).</summary>
    public int ConnectionsAccepted => _accepted;
    private int _accepted;

    public void Start()
    {
        _listener = new TcpListener(IPAddress.Loopback, Port);
        _listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _stop = new CancellationTokenSource();
        _ = AcceptLoop(_listener, _stop.Token);
    }

    /// <summary>
    /// Goes down as a server shut down for maintenance does: the port closes, idle connections are closed, and a message
    /// whose DATA is on its way is still taken and answered before its connection closes. Clients see refused and closed
    /// connections, never a message cut off mid-transfer (that is <see cref="Crash"/>).
    /// </summary>
    public void Stop()
    {
        _stop.Cancel();
        _listener?.Stop();
    }

    /// <summary>Goes down at once, mid-conversation or not: what makes a sent message "in doubt".</summary>
    public void Crash()
    {
        Stop();
        foreach (var client in _clients.Keys) client.Close();
        _clients.Clear();
    }

    public void Clear()
    {
        _received.Clear();
        RefusedRecipients.Clear();
    }

    private async Task AcceptLoop(TcpListener listener, CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            TcpClient client;
            try { client = await listener.AcceptTcpClientAsync(ct); }
            catch (Exception) { return; }
            _clients[client] = 0;
            Interlocked.Increment(ref _accepted);
            _ = Serve(client, ct);
        }
    }

    private async Task Serve(TcpClient client, CancellationToken ct)
    {
        try
        {
            await using var stream = client.GetStream();
            using var reader = new StreamReader(stream, Encoding.ASCII);
            await using var writer = new StreamWriter(stream, Encoding.ASCII) { NewLine = "\r\n", AutoFlush = true };
            await writer.WriteLineAsync("220 localhost test SMTP");
            string from = "";
            var to = new List<string>();
            while (!ct.IsCancellationRequested && await ReadCommandAsync(reader, writer, ct) is { } line)
            {
                var verb = line.Split(' ', 2)[0].ToUpperInvariant();
                switch (verb)
                {
                    case "EHLO" or "HELO": await writer.WriteLineAsync("250 localhost"); break;
                    case "MAIL": from = Address(line); to.Clear(); await writer.WriteLineAsync("250 OK"); break;
                    case "RCPT":
                        var recipient = Address(line);
                        if (RefusedRecipients.TryGetValue(recipient, out var reason)) await writer.WriteLineAsync($"550 5.1.1 {reason}");
                        else { to.Add(recipient); await writer.WriteLineAsync("250 OK"); }
                        break;
                    case "DATA":
                        await writer.WriteLineAsync("354 End data with <CR><LF>.<CR><LF>");
                        var raw = new StringBuilder();
                        // Not cancelled by Stop: a message on its way is taken in full, as a graceful shutdown would.
                        while (await reader.ReadLineAsync(CancellationToken.None) is { } data && data != ".") raw.AppendLine(data.StartsWith("..") ? data[1..] : data);
                        var mime = MimeKit.MimeMessage.Load(new MemoryStream(Encoding.UTF8.GetBytes(raw.ToString())));
                        _received.Enqueue(new ReceivedMessage(from, to.ToList(), mime.MessageId ?? "", mime.Subject ?? "", raw.ToString()));
                        await writer.WriteLineAsync("250 OK queued");
                        break;
                    case "RSET": to.Clear(); await writer.WriteLineAsync("250 OK"); break;
                    case "NOOP": await writer.WriteLineAsync("250 OK"); break;
                    case "QUIT": await writer.WriteLineAsync("221 Bye"); return;
                    default: await writer.WriteLineAsync("502 Command not implemented"); break;
                }
            }
        }
        catch (Exception) { /* the client went away, or the server was stopped */ }
        finally
        {
            _clients.TryRemove(client, out _);
            client.Dispose();
        }
    }

    private static string Address(string line)
    {
        var start = line.IndexOf('<');
        var end = line.IndexOf('>', start + 1);
        return start >= 0 && end > start ? line[(start + 1)..end] : "";
    }

    // The next command line; after IdleTimeout of silence, the 421 maildev sends, and no line (the connection ends).
    private async Task<string?> ReadCommandAsync(StreamReader reader, StreamWriter writer, CancellationToken ct)
    {
        if (IdleTimeout is not { } idle) return await reader.ReadLineAsync(ct);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(idle);
        try
        {
            return await reader.ReadLineAsync(timeout.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            await writer.WriteLineAsync("421 Timeout - closing connection");
            Interlocked.Increment(ref _idleClosed);
            return null;
        }
    }

    public ValueTask DisposeAsync()
    {
        Stop();
        return ValueTask.CompletedTask;
    }
}
