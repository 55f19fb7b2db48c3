using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CareFlows.IntegrationTests.Infrastructure;

namespace CareFlows.IntegrationTests.Hosting;

[Collection(CareFlowsCollection.Name)]
public class HardeningTests(CareFlowsFixture app) : IAsyncLifetime
{
    public Task InitializeAsync() => app.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task health_tells_anyone_only_whether_it_is_healthy_and_a_signed_in_caller_each_check()
    {
        using var anonymous = app.CreateClient(apiKey: null);
        var open = await anonymous.GetFromJsonAsync<JsonElement>("/health");
        open.GetProperty("status").GetString().ShouldBe("Healthy");
        open.TryGetProperty("checks", out _).ShouldBeFalse();

        using var operator_ = app.CreateClient();
        var detailed = await operator_.GetFromJsonAsync<JsonElement>("/health");
        var checks = detailed.GetProperty("checks");
        checks.GetProperty("postgresql").GetProperty("status").GetString().ShouldBe("Healthy");
        checks.GetProperty("smtp").GetProperty("status").GetString().ShouldBe("Healthy");
        checks.GetProperty("mail-backlog").GetProperty("description").GetString()!.ShouldContain("message(s) due");
    }

    [Fact]
    public async Task customer_pages_are_not_cached_framed_or_referred_onward()
    {
        using var browser = app.CreateClient(apiKey: null);
        var page = await browser.GetAsync("/preferences?token=not-a-token");

        page.Headers.CacheControl!.NoStore.ShouldBeTrue();
        page.Headers.GetValues("Content-Security-Policy").Single().ShouldContain("frame-ancestors 'none'");
        page.Headers.GetValues("X-Content-Type-Options").Single().ShouldBe("nosniff");
        page.Headers.GetValues("Referrer-Policy").Single().ShouldBe("no-referrer");
    }

    [Fact]
    public async Task import_takes_json_only()
    {
        using var api = app.CreateClient();
        var json = await File.ReadAllTextAsync(Path.Combine(CareFlowsFixture.RepositoryFolder("workflows"), "close-the-loop.json"));
        var plain = await api.PostAsync("/api/flows/import", new StringContent(json, Encoding.UTF8, "text/plain"));
        plain.StatusCode.ShouldBe(HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task an_import_over_the_activity_limit_is_refused_at_once_and_the_server_still_answers()
    {
        var activities = Enumerable.Range(0, 5_000).Select(i => new { id = $"a{i}", type = "Delay", properties = new { duration = "PT1H" } });
        var huge = JsonSerializer.Serialize(new { id = "huge", name = "Huge", version = 1, activities, connections = Array.Empty<object>() });
        using var api = app.CreateClient();

        var result = await api.PostAsync("/api/flows/import", new StringContent(huge, Encoding.UTF8, "application/json"));

        (await result.Content.ReadAsStringAsync()).ShouldContain("at most 500 activities");
        (await api.GetAsync("/api/flows")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task a_deeply_nested_import_is_refused_with_a_clear_message_and_the_server_still_answers()
    {
        var nested = "{\"id\":\"deep\",\"name\":\"Deep\",\"version\":1,\"activities\":[{\"id\":\"a\",\"type\":\"Delay\",\"properties\":"
            + string.Concat(Enumerable.Repeat("{\"x\":", 20_000)) + "1" + new string('}', 20_000) + "}],\"connections\":[]}";
        using var api = app.CreateClient();

        var result = await api.PostAsync("/api/flows/import", new StringContent(nested, Encoding.UTF8, "application/json"));

        result.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await result.Content.ReadAsStringAsync()).ShouldContain("depth");
        (await api.GetAsync("/api/flows")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task the_openapi_description_says_every_call_needs_the_api_key()
    {
        using var api = app.CreateClient();
        var document = await api.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var scheme = document.GetProperty("components").GetProperty("securitySchemes").GetProperty("ApiKey");
        scheme.GetProperty("name").GetString().ShouldBe("X-Api-Key");
        scheme.GetProperty("in").GetString().ShouldBe("header");
        document.GetProperty("security").GetArrayLength().ShouldBeGreaterThan(0);
    }
}
