using MailKit;
using MailKit.Net.Imap;
using MailKit.Search;
using MailKit.Security;
using MimeKit;

namespace CareFlows.IntegrationTests.Infrastructure;

/// <summary>The tests' real IMAP mailbox (Dovecot): mail is delivered into it with APPEND, as a mail server would file it.</summary>
public sealed class TestMailbox
{
    public const string Handled = "CareFlows-Handled";
    public const string Unmatched = "CareFlows-Unmatched";

    public async Task DeliverAsync(MimeMessage mail)
    {
        using var client = await ConnectAsync();
        await client.Inbox.AppendAsync(mail, MessageFlags.None);
        await client.DisconnectAsync(true);
    }

    /// <summary>How many mails a folder holds (INBOX, or one the server moves handled mail to).</summary>
    public async Task<int> CountAsync(string folder)
    {
        using var client = await ConnectAsync();
        var found = await FindAsync(client, folder);
        if (found is null) return 0;
        await found.OpenAsync(FolderAccess.ReadOnly);
        return found.Count;
    }

    public async Task ClearAsync()
    {
        using var client = await ConnectAsync();
        foreach (var name in new[] { "INBOX", Handled, Unmatched })
        {
            if (await FindAsync(client, name) is not { } folder) continue;
            await folder.OpenAsync(FolderAccess.ReadWrite);
            var all = await folder.SearchAsync(SearchQuery.All);
            if (all.Count == 0) continue;
            await folder.AddFlagsAsync(all, MessageFlags.Deleted, silent: true);
            await folder.ExpungeAsync();
        }
        await client.DisconnectAsync(true);
    }

    private static async Task<IMailFolder?> FindAsync(ImapClient client, string name)
    {
        if (name == "INBOX") return client.Inbox;
        try { return await client.GetFolder(client.PersonalNamespaces[0]).GetSubfolderAsync(name); }
        catch (FolderNotFoundException) { return null; }
    }

    private static async Task<ImapClient> ConnectAsync()
    {
        var client = new ImapClient();
        await client.ConnectAsync("127.0.0.1", TestServices.ImapPort, SecureSocketOptions.None);
        await client.AuthenticateAsync(TestServices.ImapUser, TestServices.ImapPassword);
        return client;
    }
}
