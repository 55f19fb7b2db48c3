using System.Net.Http.Json;
using System.Text.Json;

namespace CareFlows.IntegrationTests.Infrastructure;

public sealed record MailAddress(string Address, string Name);

public sealed record ReceivedEmail(string Id, string Subject, string Html, string Text, IReadOnlyList<MailAddress> To, IReadOnlyDictionary<string, JsonElement> Headers)
{
    public string Header(string name) => Headers.TryGetValue(name.ToLowerInvariant(), out var value) ? value.ToString() : "";
    public override string ToString() => $"'{Subject}' to {string.Join(",", To.Select(t => t.Address))}";
}

/// <summary>The SMTP sink's HTTP API (maildev): what actually arrived over SMTP.</summary>
public sealed class MailSink(Uri api) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = api };

    public async Task<IReadOnlyList<ReceivedEmail>> AllAsync() =>
        await _http.GetFromJsonAsync<List<ReceivedEmail>>("api/email", JsonSerializerOptions.Web) ?? [];

    public async Task<IReadOnlyList<ReceivedEmail>> ToAsync(string recipient) =>
        (await AllAsync()).Where(m => m.To.Any(t => t.Address.Equals(recipient, StringComparison.OrdinalIgnoreCase))).ToList();

    public Task<IReadOnlyList<ReceivedEmail>> WaitForAsync(string recipient, int count = 1) =>
        Eventually.Until(() => ToAsync(recipient), mails => mails.Count >= count, $"{count} email(s) to {recipient}");

    /// <summary>
    /// A header as it arrived, read from the raw message: maildev's JSON leaves some out (List-Unsubscribe and
    /// List-Unsubscribe-Post among them).
    /// </summary>
    public async Task<string> RawHeaderAsync(ReceivedEmail mail, string name)
    {
        await using var source = await _http.GetStreamAsync($"api/email/{mail.Id}/source");
        var message = await MimeKit.MimeMessage.LoadAsync(source);
        return message.Headers[name] ?? "";
    }

    public async Task ClearAsync() => (await _http.DeleteAsync("api/email/all")).EnsureSuccessStatusCode();

    public void Dispose() => _http.Dispose();
}
