using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using CareFlows.IntegrationTests.Infrastructure;
using CareFlows.IntegrationTests.Orders;
using Microsoft.Extensions.DependencyInjection;

namespace CareFlows.IntegrationTests.Watching;

/// <summary>What a flow earns: tracked clicks (signed, recorded once per click, forwarded, no open redirect) and the revenue of later orders.</summary>
[Collection(CareFlowsCollection.Name)]
public partial class FlowResultsTests(CareFlowsFixture app) : IAsyncLifetime
{
    public Task InitializeAsync() => app.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    private const string ReviewFlow = """
        {
          "id": "ask-review", "name": "Ask for a review", "version": 1,
          "activities": [
            { "id": "placed", "type": "OrderPlaced", "properties": { "filter": "customer.is_first_order" } },
            { "id": "ask", "type": "SendEmail", "properties": { "template": "review-request", "category": "service" } }
          ],
          "connections": [ { "source": { "activity": "placed", "port": "Done" }, "target": { "activity": "ask" } } ]
        }
        """;

    [Fact]
    public async Task a_click_is_recorded_once_and_forwarded_and_a_later_order_counts_for_the_step_that_was_clicked()
    {
        using var api = app.CreateClient();
        await app.PublishFlowAsync(ReviewFlow);
        var first = TestOrders.New() with { PlacedAt = app.Clock.GetUtcNow() };
        await app.Bus.Publish(first);
        var ask = (await Eventually.Until(() => app.Mail.ToAsync(first.Customer.Email), m => m.Any(x => x.Subject.StartsWith("Would you tell")), "the review request"))
            .Single(m => m.Subject.StartsWith("Would you tell"));
        var tracked = TrackedLink().Match(ask.Text).Value;
        tracked.ShouldNotBeEmpty("the review link is tracked");
        ask.Text.ShouldNotContain("Write a review: https://shop.example");
        ask.Text.ShouldContain("/preferences?token="); // CareFlows' own links are never rewritten

        using var browser = app.CreateClient(apiKey: null, followRedirects: false);
        (await browser.SendAsync(new HttpRequestMessage(HttpMethod.Head, EmailLinks(tracked)))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var click = await browser.GetAsync(EmailLinks(tracked));
        click.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        click.Headers.Location!.ToString().ShouldBe("https://shop.example/");
        (await app.CountAsync("select count(*) from careflows.clicks")).ShouldBe(1, "a HEAD is not a click; the GET is one");

        var token = tracked[(tracked.LastIndexOf('/') + 1)..];
        var forged = await browser.GetAsync($"/c/{token[..^3]}AAA");
        forged.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        forged.Headers.Location.ShouldBeNull("a tampered link forwards nowhere");

        // Twelve hours on, before the default flow's own next message (a day after the first order) could be the later touch.
        app.Clock.Advance(TimeSpan.FromHours(12));
        var second = TestOrders.New() with { Customer = first.Customer, PlacedAt = app.Clock.GetUtcNow(), Total = 120m };
        await app.Bus.Publish(second);
        await app.Consumed.WaitForAsync<CareFlows.Contracts.Orders.OrderPlaced>(2);
        app.Clock.Advance(TimeSpan.FromDays(10));
        var late = TestOrders.New() with { Customer = first.Customer, PlacedAt = app.Clock.GetUtcNow(), Total = 999m };
        await app.Bus.Publish(late);
        await app.Consumed.WaitForAsync<CareFlows.Contracts.Orders.OrderPlaced>(3);

        var report = await api.GetFromJsonAsync<JsonElement>("/api/flows/ask-review/steps?days=30");
        var step = report.GetProperty("results").EnumerateArray().Single(r => r.GetProperty("activityId").GetString() == "ask");
        step.GetProperty("clicks").GetInt64().ShouldBe(1);
        step.GetProperty("orders").GetInt64().ShouldBe(1, $"the order 12 hours after the click counts; the one 10 days later is outside the 5-day window. {await DiagnosticsAsync()}");
        step.GetProperty("revenue").GetDecimal().ShouldBe(120m);
        var overview = await api.GetFromJsonAsync<JsonElement>("/api/flows/overview");
        overview.EnumerateArray().Single(f => f.GetProperty("id").GetString() == "ask-review").GetProperty("revenueLast7Days").GetDecimal().ShouldBe(0m,
            "the attributed order is older than 7 days now");
    }

    // What the attribution read, should it disagree: the orders and touches as stored.
    private async Task<string> DiagnosticsAsync()
    {
        var rows = new List<string>();
        var dataSource = app.Services.GetRequiredService<Npgsql.NpgsqlDataSource>();
        foreach (var sql in new[]
                 {
                     "select id || ' ' || (data->>'CustomerId') || ' ' || (data->'Order'->>'PlacedAt') from careflows.mt_doc_orderrecord",
                     "select 'sent ' || customer_id || ' ' || category || ' ' || status || ' ' || coalesce(sent_at::text, '-') || ' ' || step_id from careflows.outbox",
                     "select 'click ' || customer_id || ' ' || clicked_at::text || ' ' || step_id from careflows.clicks",
                 })
        {
            await using var command = dataSource.CreateCommand(sql);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync()) rows.Add(reader.GetString(0));
        }
        return "now " + app.Clock.GetUtcNow().ToString("O") + "; " + string.Join(" | ", rows);
    }

    private static string EmailLinks(string url) => new Uri(url).PathAndQuery;

    [GeneratedRegex(@"https?://\S+/c/[A-Za-z0-9_\-\.]+")]
    private static partial Regex TrackedLink();
}
