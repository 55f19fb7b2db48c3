using System.Security.Cryptography;
using System.Text;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Search;
using MimeKit;

namespace CareFlows.Server.Inbound;

/// <summary>
/// Reads the inbound mailbox with MailKit's ImapClient: every mail in the folder is handled (see
/// <see cref="InboundHandler"/>) and then moved to the handled or unmatched folder, so the folder holds only what is
/// new. Then it waits with IDLE where the server offers it (new mail is read at once), else polls. Several processes may
/// read the same mailbox: the handled mark makes each mail count once, and moving a mail another process moved is a
/// no-op. A mail that fails to be handled stays in the folder and is tried again next round.
/// </summary>
public sealed class InboundMailReader(InboundOptions options, InboundHandler handler, ILogger<InboundMailReader> log) : BackgroundService
{
    private static readonly TimeSpan Reconnect = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Enabled) return;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ReadAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // Messages only: an IMAP error can quote a mail's headers.
                log.LogWarning("Reading the inbound mailbox failed ({Error}); connecting again in {Delay}", e.GetType().Name, Reconnect);
                await Task.Delay(Reconnect, stoppingToken);
            }
        }
    }

    private async Task ReadAsync(CancellationToken ct)
    {
        using var client = new ImapClient();
        await client.ConnectAsync(options.Host, options.Port, options.Security, ct);
        await client.AuthenticateAsync(options.Username, options.Password, ct);
        var inbox = await client.GetFolderAsync(options.Folder, ct);
        var handled = await FolderAsync(client, options.HandledFolder, ct);
        var unmatched = await FolderAsync(client, options.UnmatchedFolder, ct);
        await inbox.OpenAsync(FolderAccess.ReadWrite, ct);
        log.LogInformation("Reading the inbound mailbox {Folder} ({How})", options.Folder, client.Capabilities.HasFlag(ImapCapabilities.Idle) ? "IDLE" : $"polling every {options.PollInterval}");
        while (!ct.IsCancellationRequested)
        {
            foreach (var uid in await inbox.SearchAsync(SearchQuery.All, ct))
            {
                MimeMessage mail;
                try { mail = await inbox.GetMessageAsync(uid, ct); }
                catch (MessageNotFoundException) { continue; } // moved by another process meanwhile
                var kind = await handler.HandleAsync(mail, KeyOf(mail, inbox.UidValidity, uid), ct);
                await inbox.MoveToAsync(uid, kind is InboundKind.Unmatched ? unmatched : handled, ct);
            }
            await WaitForMailAsync(client, inbox, ct);
        }
        await client.DisconnectAsync(true, CancellationToken.None);
    }

    private async Task WaitForMailAsync(ImapClient client, IMailFolder inbox, CancellationToken ct)
    {
        if (!client.Capabilities.HasFlag(ImapCapabilities.Idle))
        {
            await Task.Delay(options.PollInterval, ct);
            await inbox.CheckAsync(ct);
            return;
        }
        using var done = CancellationTokenSource.CreateLinkedTokenSource(ct);
        done.CancelAfter(options.IdleRestart);
        void Arrived(object? sender, EventArgs e) => done.Cancel();
        inbox.CountChanged += Arrived;
        try { await client.IdleAsync(done.Token, ct); }
        finally { inbox.CountChanged -= Arrived; }
    }

    private static async Task<IMailFolder> FolderAsync(ImapClient client, string name, CancellationToken ct)
    {
        var root = client.GetFolder(client.PersonalNamespaces[0]);
        try { return await root.GetSubfolderAsync(name, ct); }
        catch (FolderNotFoundException)
        {
            try { return await root.CreateAsync(name, true, ct) ?? await root.GetSubfolderAsync(name, ct); }
            catch (ImapCommandException) { return await root.GetSubfolderAsync(name, ct); } // another process created it first
        }
    }

    // The Message-Id names a mail wherever it sits; a mail without one is named by its folder's UIDVALIDITY and UID,
    // and a hash of its headers (so a copy moved between folders is not taken for another).
    private static string KeyOf(MimeMessage mail, uint validity, UniqueId uid) =>
        !string.IsNullOrWhiteSpace(mail.MessageId) ? $"id:{mail.MessageId}"
            : $"uid:{validity}:{uid.Id}:{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(mail.Headers.ToString() ?? "")))[..16]}";
}
