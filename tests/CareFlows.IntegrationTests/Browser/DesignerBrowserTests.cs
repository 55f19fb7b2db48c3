using System.Text.Json.Nodes;
using CareFlows.IntegrationTests.Infrastructure;
using Microsoft.Playwright;

namespace CareFlows.IntegrationTests.Browser;

/// <summary>The designer as a marketer uses it, in Chromium: by label and role, as a screen reader would find things.</summary>
[Collection(PublicSiteCollection.Name)]
public class DesignerBrowserTests(PublicSiteFixture site) : IAsyncLifetime
{
    public Task InitializeAsync() => site.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData("chromium")]
    [InlineData("firefox")]
    public async Task a_marketer_builds_fixes_publishes_simulates_and_exports_a_flow(string browser)
    {
        var page = await SignedInAsync(browser);
        await Shot(page, "designer-flows", browser);

        await TypeAsync(page.GetByLabel("New flow"), "Thank you");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create" }).ClickAsync();
        // From the palette: each new activity goes after the selected one, connected to it.
        await page.GetByRole(AriaRole.Button, new() { Name = "Add Order placed" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Add Send email" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Add Wait", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Add Send email" }).ClickAsync();

        // The faults show on the nodes they concern, and publishing waits until they are fixed.
        await Node(page, "send-email").GetByText("template is required").WaitForAsync();
        await Node(page, "delay").GetByText("duration is required").WaitForAsync();
        (await page.GetByRole(AriaRole.Button, new() { Name = "Publish" }).IsDisabledAsync()).ShouldBeTrue();
        await Shot(page, "designer-faults", browser);

        await SelectAsync(page, "send-email");
        await page.GetByLabel("Template *").SelectOptionAsync("order-confirmation");
        await page.GetByLabel("Category *").SelectOptionAsync("transactional");
        await page.GetByTitle("Rendered email").WaitForAsync(); // the live preview of the chosen template
        await SelectAsync(page, "delay");
        // Key by key, the field keeps exactly what was typed: it does not rewrite itself once "1 w" already reads as a week.
        await TypeAsync(page.GetByLabel("Duration *"), "1 week");
        (await page.GetByLabel("Duration *").InputValueAsync()).ShouldBe("1 week");
        await Node(page, "delay").GetByText("1 week").WaitForAsync();
        await TypeAsync(page.GetByLabel("Duration *"), "3 days");
        (await page.GetByLabel("Duration *").InputValueAsync()).ShouldBe("3 days");
        await SelectAsync(page, "send-email-2");
        await page.GetByLabel("Template *").SelectOptionAsync("reassurance");
        await page.GetByLabel("Category *").SelectOptionAsync("service");
        await page.GetByRole(AriaRole.Tab, new() { Name = "Problems (0)" }).WaitForAsync();
        await Shot(page, "designer-editor", browser);

        await TypeAsync(page.GetByLabel("Version note"), "First version: confirmation, then reassurance after 3 days");
        await page.GetByRole(AriaRole.Button, new() { Name = "Publish" }).ClickAsync();
        await page.GetByRole(AriaRole.Status).GetByText("Published as version 1.").WaitForAsync();

        await page.GetByRole(AriaRole.Tab, new() { Name = "Simulate" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Simulate", Exact = true }).ClickAsync();
        var emails = page.GetByRole(AriaRole.List, new() { Name = "Timeline" }).Locator("li.email");
        await emails.Nth(1).WaitForAsync();
        (await emails.CountAsync()).ShouldBe(2);
        (await emails.Nth(0).InnerTextAsync()).ShouldContain("order-confirmation");
        (await emails.Nth(1).InnerTextAsync()).ShouldContain("reassurance");
        await emails.Nth(1).GetByRole(AriaRole.Button).ClickAsync();
        await page.FrameLocator("iframe[title='Email reassurance']").Locator("body").WaitForAsync();
        await Shot(page, "designer-simulation", browser);

        var exported = JsonNode.Parse(await DownloadExportAsync(page, browser))!;
        var stored = JsonNode.Parse(await site.CreateClient().GetStringAsync("/api/flows/thank-you/export"))!;
        ShouldMeanTheSame(exported, stored, "the file the designer exports is the published flow");
        exported["activities"]!.AsArray().Select(a => a!["type"]!.GetValue<string>()).ShouldBe(["OrderPlaced", "SendEmail", "Delay", "SendEmail"]);
        exported["activities"]![2]!["properties"]!["duration"]!.GetValue<string>().ShouldBe("P3D");
        exported["connections"]!.AsArray().Count.ShouldBe(3);
    }

    [Theory]
    [InlineData("chromium")]
    [InlineData("firefox")]
    public async Task a_keyboard_user_builds_and_wires_a_branching_flow_without_the_mouse(string browser)
    {
        var page = await SignedInAsync(browser);
        await TypeAsync(page.GetByLabel("New flow"), "Keyboard");
        await page.GetByLabel("New flow").PressAsync("Enter");
        foreach (var activity in new[] { "Add Order placed", "Add Condition", "Add Send email" })
        {
            await page.GetByRole(AriaRole.Button, new() { Name = activity, Exact = true }).FocusAsync();
            await page.Keyboard.PressAsync("Enter");
        }
        await Node(page, "send-email").WaitForAsync();

        // The condition's other outcome goes to the same email: focus its node, select it with Enter, pick the target.
        await SelectAsync(page, "condition");
        await page.GetByLabel("When No").FocusAsync();
        await page.GetByLabel("When No").SelectOptionAsync("send-email");
        await page.GetByLabel("When Yes").SelectOptionAsync("");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save draft" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.GetByRole(AriaRole.Status).GetByText("Draft saved.").WaitForAsync();
        await Shot(page, "designer-keyboard-wiring", browser);

        var draft = JsonNode.Parse(await site.CreateClient().GetStringAsync("/api/flows/keyboard"))!["draft"]!;
        draft["connections"]!.AsArray().Select(c => $"{c!["source"]!["activity"]}.{c["source"]!["port"]} -> {c["target"]!["activity"]}")
            .ShouldBe(["order-placed.Done -> condition", "condition.False -> send-email"], ignoreOrder: true);
    }

    [Fact]
    public async Task a_flow_file_imported_moved_around_and_exported_means_the_same_as_the_file()
    {
        var file = Path.Combine(CareFlowsFixture.RepositoryFolder("workflows"), "close-the-loop.json");
        var page = await SignedInAsync();
        // The file's id is a flow that exists: the designer asks before it replaces that flow's draft.
        var asked = new TaskCompletionSource<string>();
        page.Dialog += async (_, dialog) => { asked.TrySetResult(dialog.Message); await dialog.AcceptAsync(); };
        await page.GetByLabel("Import a flow file").SetInputFilesAsync(file);
        (await asked.Task.WaitAsync(TimeSpan.FromSeconds(10))).ShouldContain("“close-the-loop” exists already");
        await Node(page, "confirmation").WaitForAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Auto-layout" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save draft" }).ClickAsync();
        await page.GetByRole(AriaRole.Status).GetByText("Draft saved.").WaitForAsync();

        var exported = JsonNode.Parse(await DownloadExportAsync(page))!;
        ShouldMeanTheSame(exported, JsonNode.Parse(await File.ReadAllTextAsync(file))!, "the imported file");
    }

    [Fact]
    public async Task leaving_a_flow_with_unsaved_changes_asks_first_and_stays_when_told_to()
    {
        var page = await SignedInAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Close the loop" }).ClickAsync();
        await Node(page, "wait-for-rating").GetByText("Wait for the rating").WaitForAsync();
        await Shot(page, "designer-close-the-loop");
        await Node(page, "wait-a-day").ClickAsync();
        await TypeAsync(page.GetByLabel("Duration *"), "2 days");
        await page.GetByText("Unsaved changes").WaitForAsync();

        var asked = new TaskCompletionSource<string>();
        page.Dialog += async (_, dialog) => { asked.TrySetResult(dialog.Message); await dialog.DismissAsync(); };
        await page.GetByRole(AriaRole.Link, new() { Name = "← Flows" }).ClickAsync();

        (await asked.Task.WaitAsync(TimeSpan.FromSeconds(10))).ShouldContain("unsaved changes");
        (await page.GetByLabel("Duration *").InputValueAsync()).ShouldBe("2 days"); // still in the editor, the edit kept
        await page.GetByRole(AriaRole.Button, new() { Name = "Save draft" }).ClickAsync();
        await page.GetByRole(AriaRole.Status).GetByText("Draft saved.").WaitForAsync();
        (await page.GetByText("Unsaved changes").CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task a_long_flow_opens_on_its_first_steps_at_a_readable_size()
    {
        var page = await SignedInAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Close the loop" }).ClickAsync();
        await Node(page, "order-placed").GetByText("Every order").WaitForAsync();

        // React Flow's viewport is a CSS transform; below 0.6 a box's 11 px text shrinks under 7 px.
        var transform = await page.Locator(".react-flow__viewport").EvaluateAsync<string>("v => getComputedStyle(v).transform");
        var scale = double.Parse(transform.Split('(', ',')[1], System.Globalization.CultureInfo.InvariantCulture);
        scale.ShouldBeGreaterThanOrEqualTo(0.6, transform);
        (await Node(page, "order-placed").IsVisibleAsync()).ShouldBeTrue();
    }

    [Fact]
    public async Task creating_a_flow_with_a_name_that_exists_says_so()
    {
        var page = await SignedInAsync();
        await TypeAsync(page.GetByLabel("New flow"), "Close the loop");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create" }).ClickAsync();
        await page.GetByRole(AriaRole.Alert).GetByText("There is a flow called “Close the loop” already").WaitForAsync();
    }

    [Fact]
    public async Task the_versions_tab_shows_what_the_draft_changes_and_reverts_it()
    {
        var page = await SignedInAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Close the loop" }).ClickAsync();
        await Node(page, "wait-for-rating").GetByText("Wait for the rating").WaitForAsync();
        await Shot(page, "designer-close-the-loop");
        await Node(page, "wait-a-day").ClickAsync();
        await TypeAsync(page.GetByLabel("Duration *"), "2 days");
        (await page.GetByLabel("Duration *").InputValueAsync()).ShouldBe("2 days");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save draft" }).ClickAsync();
        await page.GetByRole(AriaRole.Status).GetByText("Draft saved.").WaitForAsync();

        await page.GetByRole(AriaRole.Tab, new() { Name = "Versions" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "What the draft changes" }).ClickAsync();
        await page.GetByText("Changed wait-a-day (Delay): duration P1D → P2D").WaitForAsync();
        await Shot(page, "designer-versions");

        await page.GetByRole(AriaRole.Button, new() { Name = "Revert the draft to this version" }).ClickAsync();
        await page.GetByRole(AriaRole.Status).GetByText("The draft is version 2 again.").WaitForAsync();
        var draft = JsonNode.Parse(await site.CreateClient().GetStringAsync("/api/flows/close-the-loop"))!["draft"]!;
        draft["activities"]!.AsArray().Single(a => a!["id"]!.GetValue<string>() == "wait-a-day")!["properties"]!["duration"]!.GetValue<string>().ShouldBe("P1D");
    }

    [Fact]
    public async Task a_stale_editor_is_told_in_words_that_someone_else_saved_first()
    {
        var page = await SignedInAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Close the loop" }).ClickAsync();
        await Node(page, "wait-a-day").WaitForAsync();
        // Someone else saves the same draft meanwhile.
        using var other = site.CreateClient();
        var current = JsonNode.Parse(await other.GetStringAsync("/api/flows/close-the-loop"))!;
        (await other.PutAsync("/api/flows/close-the-loop/draft", System.Net.Http.Json.JsonContent.Create(new JsonObject
        {
            ["definition"] = current["draft"]!.DeepClone(),
            ["revision"] = current["flow"]!["revision"]!.GetValue<int>(),
        }))).EnsureSuccessStatusCode();

        await page.GetByRole(AriaRole.Button, new() { Name = "Save draft" }).ClickAsync();
        await page.GetByRole(AriaRole.Alert).GetByText("Someone else saved this flow since you opened it").WaitForAsync();
    }

    [Theory]
    [InlineData("chromium")]
    [InlineData("firefox")]
    public async Task a_split_problem_fixed_by_typing_disappears_from_the_box_and_the_panel(string browser)
    {
        var page = await SignedInAsync(browser);
        await TypeAsync(page.GetByLabel("New flow"), "Split test");
        await page.GetByLabel("New flow").PressAsync("Enter");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add Order placed" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Add A/B split" }).ClickAsync();
        var panel = page.GetByLabel("Properties");
        await panel.GetByRole(AriaRole.Button, new() { Name = "Add branch" }).ClickAsync();
        await panel.GetByRole(AriaRole.Button, new() { Name = "Add branch" }).ClickAsync();
        await TypeAsync(panel.GetByLabel("Branch 1 weight"), "50");
        await TypeAsync(panel.GetByLabel("Branch 2 weight"), "30");
        await Node(page, "random-split").GetByText("weights add up to 80, not 100").WaitForAsync();
        await panel.GetByText("The weights add up to 80, not 100").WaitForAsync();

        await TypeAsync(panel.GetByLabel("Branch 2 weight"), "50");
        await page.GetByRole(AriaRole.Tab, new() { Name = "Problems (0)" }).WaitForAsync();
        (await Node(page, "random-split").Locator(".node-fault").CountAsync()).ShouldBe(0);
        (await panel.GetByText("add up to").CountAsync()).ShouldBe(0);
    }

    private async Task<IPage> SignedInAsync(string browser = "chromium")
    {
        var page = await site.Named(browser).NewPageAsync(new() { ViewportSize = new() { Width = 1400, Height = 900 }, AcceptDownloads = true });
        await page.GotoAsync($"{site.BaseUrl}/designer/");
        await TypeAsync(page.GetByLabel("User name"), PublicSiteFixture.DesignerUser);
        await TypeAsync(page.GetByLabel("Password"), PublicSiteFixture.DesignerPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Flows", Exact = true }).WaitForAsync();
        return page;
    }

    // Typed key by key, as a person would: Playwright's fill in Firefox (WebDriver BiDi) sets the value in a way
    // React's change tracking does not see, so a controlled field would keep its old value.
    private static async Task TypeAsync(ILocator field, string text)
    {
        await field.FocusAsync();
        await field.PressAsync("Control+a");
        await field.PressSequentiallyAsync(text);
    }

    // Selected from the keyboard (focus the node, Enter), which does not depend on where the node sits on the canvas
    // at that instant; the panel then shows the activity.
    private static async Task SelectAsync(IPage page, string activityId)
    {
        await Node(page, activityId).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.GetByLabel("Properties").GetByText($"Id: {activityId}", new() { Exact = true }).WaitForAsync();
    }

    private static ILocator Node(IPage page, string activityId) => page.Locator($".react-flow__node[data-id='{activityId}']");

    private static async Task<string> DownloadExportAsync(IPage page, string browser = "chromium")
    {
        var export = page.GetByRole(AriaRole.Button, new() { Name = "Export" });
        if (browser == "chromium")
        {
            var download = await page.RunAndWaitForDownloadAsync(() => export.ClickAsync());
            return await File.ReadAllTextAsync((await download.PathAsync())!);
        }
        // Playwright reports no downloads from Firefox over WebDriver BiDi: read the file as the page hands it over.
        await page.EvaluateAsync("""
            () => { const make = URL.createObjectURL; URL.createObjectURL = (blob) => { blob.text().then((t) => { window.exportedFile = t; }); return make(blob); }; }
            """);
        await export.ClickAsync();
        return await (await page.WaitForFunctionAsync("() => window.exportedFile")).JsonValueAsync<string>();
    }

    // What a flow means: everything but where its boxes sit on the canvas and the editor's schema hint. The order of
    // an object's keys does not count either (PostgreSQL's jsonb keeps its own).
    private static void ShouldMeanTheSame(JsonNode actual, JsonNode expected, string what)
    {
        var (a, e) = (Meaning(actual), Meaning(expected));
        JsonNode.DeepEquals(a, e).ShouldBeTrue($"not the same as {what}:\n{a.ToJsonString()}\n{e.ToJsonString()}");
    }

    private static JsonNode Meaning(JsonNode definition)
    {
        var copy = definition.DeepClone().AsObject();
        copy.Remove("$schema");
        foreach (var activity in copy["activities"]!.AsArray()) activity!.AsObject().Remove("position");
        return copy;
    }

    private static Task Shot(IPage page, string name, string browser = "chromium") =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = PublicSiteFixture.ScreenshotPath(browser == "chromium" ? name : $"{name}-{browser}") });
}
