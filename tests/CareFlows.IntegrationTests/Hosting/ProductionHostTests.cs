using System.Net;
using System.Net.Http.Json;
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

    [Fact]
    public async Task sign_in_attempts_beyond_the_limit_are_refused_with_429_even_with_the_right_password()
    {
        await using var server = await app.StartServerAsync("sign-in-limit", ("Designer:SignInAttemptsPerMinute", "3"));
        using var http = new HttpClient { BaseAddress = server.Url };
        for (var i = 0; i < 3; i++)
            (await http.PostAsJsonAsync("/designer/api/sign-in", new { username = "admin", password = $"guess {i}" })).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        var throttled = await http.PostAsJsonAsync("/designer/api/sign-in", new { username = "admin", password = "careflows-admin" });

        throttled.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        throttled.Headers.RetryAfter.ShouldNotBeNull();
    }

    [Fact]
    public async Task a_sign_in_on_one_server_process_counts_on_another_and_after_a_restart()
    {
        string cookie;
        await using (var first = await app.StartServerAsync("sign-in-first"))
        {
            using var http = new HttpClient { BaseAddress = first.Url };
            var signedIn = await http.PostAsJsonAsync("/designer/api/sign-in", new { username = "admin", password = "careflows-admin" });
            signedIn.EnsureSuccessStatusCode();
            cookie = signedIn.Headers.GetValues("Set-Cookie").Single().Split(';')[0];
            await first.StopAsync();
        }

        await using var second = await app.StartServerAsync("sign-in-second");
        using var other = new HttpClient { BaseAddress = second.Url };
        other.DefaultRequestHeaders.Add("Cookie", cookie);
        (await other.GetAsync("/designer/api/me")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task a_request_body_over_the_limit_is_refused_before_it_is_read()
    {
        await using var server = await app.StartServerAsync("body-limit");
        using var http = new HttpClient { BaseAddress = server.Url };
        http.DefaultRequestHeaders.Add("X-Api-Key", "careflows-dev-key");

        var huge = new StringContent("{\"id\":\"x\",\"pad\":\"" + new string('x', 2 * 1024 * 1024) + "\"}", Encoding.UTF8, "application/json");
        (await http.PostAsync("/api/flows/import", huge)).StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        (await http.GetAsync("/api/flows")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
