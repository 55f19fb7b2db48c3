using System.Net;
using System.Text;
using CareFlows.Engine.Consent;
using CareFlows.IntegrationTests.Infrastructure;
using CareFlows.Server.Consent;

namespace CareFlows.IntegrationTests.Hosting;

/// <summary>The server as a shop would deploy it: the Production environment, in a real process.</summary>
[Collection(ServerProcessesCollection.Name)]
public class ProductionHostTests(ServerProcessesFixture app) : IAsyncLifetime
{
    private const string OwnSigningKey = "a signing key of this deployment's own, well over 32 bytes long";

    public Task InitializeAsync() => app.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task in_production_the_server_refuses_to_start_with_the_shipped_secrets_and_names_each_setting()
    {
        var refused = await Should.ThrowAsync<InvalidOperationException>(() => app.StartServerAsync("production-defaults", ("ASPNETCORE_ENVIRONMENT", "Production")));

        var log = await File.ReadAllTextAsync(refused.Message[(refused.Message.IndexOf("see ", StringComparison.Ordinal) + 4)..]);
        log.ShouldContain("Consent:SigningKey is the shipped development key");
        log.ShouldContain("Api:Key is the shipped development key");
        log.ShouldContain("Designer:Password is the shipped one");
    }

    [Fact]
    public async Task in_production_a_link_forged_with_the_shipped_key_opens_nothing()
    {
        await using var server = await app.StartServerAsync("production",
            ("ASPNETCORE_ENVIRONMENT", "Production"), ("Consent:SigningKey", OwnSigningKey),
            ("Api:Key", "an api key of this deployment"), ("Designer:Password", "a designer password of this deployment"));
        var forger = new LinkTokens(Encoding.UTF8.GetBytes(ConsentOptions.DevelopmentKey));
        var forged = forger.Create(new LinkClaims("some-customer", LinkPurpose.Preferences, DateTimeOffset.UtcNow.AddDays(30), "0123456789abcdef"));
        using var http = new HttpClient { BaseAddress = server.Url };

        var page = await http.GetAsync($"/preferences?token={forged}");

        page.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await page.Content.ReadAsStringAsync()).ShouldNotContain("some-customer");
        var genuine = new LinkTokens(new SigningKeyRing("k1", Encoding.UTF8.GetBytes(OwnSigningKey)), TimeSpan.FromDays(90))
            .Create(new LinkClaims("some-customer", LinkPurpose.Preferences, DateTimeOffset.UtcNow.AddDays(30), "0123456789abcdef"));
        (await http.GetAsync($"/preferences?token={genuine}")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
