using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Playwright;

namespace CareFlows.Bench;

public sealed record DesignerResult(int Nodes, TimeSpan ListLoad, TimeSpan OpenLarge, TimeSpan AddActivity, TimeSpan Validated);

/// <summary>
/// The designer in Debian's Chromium (headless, through Playwright), signed in, on a server with a flow of
/// <c>nodes</c> activities: how long the flow list takes to appear, the large flow to open, an activity added from the
/// palette to appear on its canvas, and the server's validation of the grown flow to come back. Medians of five.
/// </summary>
public static class DesignerPage
{
    private const string Password = "bench-password";

    public static async Task<DesignerResult> MeasureAsync(BenchEnvironment env, int nodes)
    {
        await env.ResetAsync();
        await using var server = await env.StartServerAsync("bench-designer", Directory.CreateTempSubdirectory("careflows-bench-empty-").FullName,
            ("Designer:Password", Password));
        using (var http = new HttpClient { BaseAddress = server.Url })
        {
            http.DefaultRequestHeaders.Add("X-Api-Key", "careflows-dev-key");
            (await http.PostAsync("/api/flows/import", new StringContent(LargeFlow(nodes), Encoding.UTF8, "application/json"))).EnsureSuccessStatusCode();
        }

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Environment.GetEnvironmentVariable("CAREFLOWS_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium",
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
        });
        var context = await browser.NewContextAsync(new() { ViewportSize = new() { Width = 1400, Height = 900 } });
        var page = await context.NewPageAsync();
        var designer = new Uri(server.Url!, "/designer/").ToString();
        await page.GotoAsync(designer);
        await page.GetByLabel("User name").FillAsync("admin");
        await page.GetByLabel("Password").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Flows", Exact = true }).WaitForAsync();

        var list = new List<TimeSpan>();
        var open = new List<TimeSpan>();
        var add = new List<TimeSpan>();
        var validated = new List<TimeSpan>();
        for (var run = 0; run < 5; run++)
        {
            list.Add(await Time(async () =>
            {
                await page.GotoAsync(designer);
                await page.GetByRole(AriaRole.Link, new() { Name = "Bench: large flow" }).WaitForAsync();
            }));
            open.Add(await Time(async () =>
            {
                await page.GetByRole(AriaRole.Link, new() { Name = "Bench: large flow" }).ClickAsync();
                await page.Locator(".react-flow__node").First.WaitForAsync();
                await page.GetByRole(AriaRole.Tab, new() { Name = "Problems (0)" }).WaitForAsync();
            }));
            await page.Locator(".react-flow__node").First.ClickAsync();
            add.Add(await Time(async () =>
            {
                await page.GetByRole(AriaRole.Button, new() { Name = "Add Send email" }).ClickAsync();
                await page.Locator(".react-flow__node[data-id='send-email']").WaitForAsync();
            }));
            validated.Add(await Time(() => page.GetByRole(AriaRole.Tab, new() { NameRegex = new System.Text.RegularExpressions.Regex(@"^Problems \([1-9]") }).WaitForAsync()));
        }
        return new DesignerResult(nodes, Median(list), Median(open), Median(add), Median(validated));
    }

    private static async Task<TimeSpan> Time(Func<Task> action)
    {
        var watch = Stopwatch.StartNew();
        await action();
        return watch.Elapsed;
    }

    private static TimeSpan Median(List<TimeSpan> times) => times.Order().ElementAt(times.Count / 2);

    // A trigger, then waits and emails in turn: valid, so the editor opens with no problems.
    private static string LargeFlow(int nodes)
    {
        var activities = new JsonArray { new JsonObject { ["id"] = "placed", ["type"] = "OrderPlaced" } };
        var connections = new JsonArray();
        var previous = "placed";
        for (var i = 1; i < nodes; i++)
        {
            var id = $"step-{i:000}";
            activities.Add(i % 2 == 1
                ? new JsonObject { ["id"] = id, ["type"] = "Delay", ["properties"] = new JsonObject { ["duration"] = "P1D" } }
                : new JsonObject { ["id"] = id, ["type"] = "SendEmail", ["properties"] = new JsonObject { ["template"] = "reassurance", ["category"] = "service" } });
            connections.Add(new JsonObject { ["source"] = new JsonObject { ["activity"] = previous, ["port"] = "Done" }, ["target"] = new JsonObject { ["activity"] = id } });
            previous = id;
        }
        return new JsonObject { ["id"] = "bench-large", ["name"] = "Bench: large flow", ["version"] = 1, ["activities"] = activities, ["connections"] = connections }.ToJsonString();
    }
}
