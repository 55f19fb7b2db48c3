using Microsoft.Extensions.DependencyInjection;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CareFlows.IntegrationTests.Infrastructure;

namespace CareFlows.IntegrationTests.Designer;

/// <summary>The designer's lock: its API needs a sign-in (or the API key); its page and the preference page do not.</summary>
[Collection(CareFlowsCollection.Name)]
public class DesignerSignInTests(CareFlowsFixture app) : IAsyncLifetime
{
    public Task InitializeAsync() => app.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task a_wrong_password_signs_nobody_in_and_the_api_stays_closed()
    {
        using var browser = app.CreateClient(apiKey: null);
        var refused = await browser.PostAsJsonAsync("/designer/api/sign-in", new { username = "admin", password = "guess" });
        refused.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await refused.Content.ReadAsStringAsync()).ShouldContain("The user name or password is wrong.");
        (await browser.GetAsync("/designer/api/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await browser.GetAsync("/api/flows/overview")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task a_signed_in_marketer_uses_the_api_with_the_cookie_until_signing_out()
    {
        using var browser = app.CreateClient(apiKey: null); // the test client keeps cookies, like a browser
        var signedIn = await browser.PostAsJsonAsync("/designer/api/sign-in", new { username = "admin", password = "careflows-admin" });
        signedIn.StatusCode.ShouldBe(HttpStatusCode.OK);
        signedIn.Headers.GetValues("Set-Cookie").Single().ShouldContain("samesite=strict", Case.Insensitive);
        (await browser.GetFromJsonAsync<JsonObject>("/designer/api/me"))!["name"]!.GetValue<string>().ShouldBe("admin");
        (await browser.GetAsync("/api/flows/close-the-loop")).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await browser.PostAsync("/designer/api/sign-out", null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await browser.GetAsync("/api/flows/close-the-loop")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task a_cookie_copied_before_sign_out_opens_nothing_afterwards()
    {
        using var browser = app.CreateClient(apiKey: null);
        var signedIn = await browser.PostAsJsonAsync("/designer/api/sign-in", new { username = "admin", password = "careflows-admin" });
        var cookie = signedIn.Headers.GetValues("Set-Cookie").Single().Split(';')[0];
        (await browser.PostAsync("/designer/api/sign-out", null)).EnsureSuccessStatusCode();

        using var thief = app.CreateClient(apiKey: null);
        thief.DefaultRequestHeaders.Add("Cookie", cookie);
        (await thief.GetAsync("/api/flows/close-the-loop")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task a_request_from_another_site_riding_on_the_cookie_changes_nothing()
    {
        using var browser = app.CreateClient(apiKey: null);
        (await browser.PostAsJsonAsync("/designer/api/sign-in", new { username = "admin", password = "careflows-admin" })).EnsureSuccessStatusCode();

        var forged = new HttpRequestMessage(HttpMethod.Post, "/api/flows/close-the-loop/disable");
        forged.Headers.Add("Sec-Fetch-Site", "cross-site");
        forged.Headers.Add("Origin", "https://evil.example");
        (await browser.SendAsync(forged)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        await using (var session = app.Services.GetRequiredService<Marten.IDocumentStore>().QuerySession())
            (await session.LoadAsync<CareFlows.Server.Definitions.StoredFlow>("close-the-loop"))!.Disabled.ShouldBeFalse();

        var own = new HttpRequestMessage(HttpMethod.Post, "/designer/api/sign-out");
        own.Headers.Add("Sec-Fetch-Site", "same-origin");
        (await browser.SendAsync(own)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task the_designer_page_is_served_to_anyone_and_routes_to_the_app()
    {
        using var browser = app.CreateClient(apiKey: null);
        var page = await browser.GetStringAsync("/designer/");
        page.ShouldContain("<div id=\"root\"></div>");
        var script = System.Text.RegularExpressions.Regex.Match(page, "src=\"(/designer/assets/[^\"]+\\.js)\"").Groups[1].Value;
        var asset = await browser.GetAsync(script);
        asset.StatusCode.ShouldBe(HttpStatusCode.OK);
        asset.Content.Headers.ContentType!.MediaType.ShouldBe("text/javascript");
    }
}
