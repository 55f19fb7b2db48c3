using Microsoft.Playwright;

namespace CareFlows.IntegrationTests.Browser;

/// <summary>
/// Simulation a marketer can trust: a returning customer reaches the "not first order" branch, a marketing message
/// shows as skipped for a customer with the shop's default consent, and a step's display name is what they read.
/// </summary>
[Collection(PublicSiteCollection.Name)]
public class SimulationProfileBrowserTests(PublicSiteFixture site) : IAsyncLifetime
{
    public Task InitializeAsync() => site.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    private const string Flow = """
        {
          "id": "welcome", "name": "Welcome", "version": 1,
          "activities": [
            { "id": "start", "type": "OrderPlaced", "properties": {} },
            { "id": "first", "type": "Condition", "properties": { "expression": "customer.is_first_order" } },
            { "id": "welcome-mail", "type": "SendEmail", "displayName": "Welcome, newcomer", "properties": { "template": "reassurance", "category": "service" } },
            { "id": "thanks-code", "type": "IssueDiscount", "properties": { "value": 10, "kind": "percent", "validFor": "P14D", "prefix": "LOYAL" } },
            { "id": "loyal-offer", "type": "SendEmail", "displayName": "Offer for regulars", "properties": { "template": "surprise-discount", "category": "marketing" } }
          ],
          "connections": [
            { "source": { "activity": "start", "port": "Done" }, "target": { "activity": "first" } },
            { "source": { "activity": "first", "port": "True" }, "target": { "activity": "welcome-mail" } },
            { "source": { "activity": "first", "port": "False" }, "target": { "activity": "thanks-code" } },
            { "source": { "activity": "thanks-code", "port": "Done" }, "target": { "activity": "loyal-offer" } }
          ]
        }
        """;

    [Theory]
    [InlineData("chromium")]
    [InlineData("firefox")]
    public async Task a_returning_customer_reaches_the_other_branch_and_a_marketing_step_shows_skipped_without_consent(string browser)
    {
        await site.PublishFlowAsync(Flow);
        var page = await SignedInAsync(browser);
        await page.Locator(".react-flow__node[data-id='loyal-offer']").GetByText("Offer for regulars").WaitForAsync();
        await page.Locator(".react-flow__node[data-id='first']").GetByText("No", new() { Exact = true }).WaitForAsync();

        // Arrow keys move between the side tabs.
        await page.GetByRole(AriaRole.Tab, new() { Name = "Properties" }).FocusAsync();
        await page.Keyboard.PressAsync("ArrowRight");
        await page.Keyboard.PressAsync("ArrowRight");
        (await page.GetByRole(AriaRole.Tab, new() { Name = "Simulate" }).GetAttributeAsync("aria-selected")).ShouldBe("true");

        var orders = page.GetByLabel("Orders this customer has placed, this one included");
        await orders.FocusAsync();
        await orders.PressAsync("Control+a");
        await orders.PressSequentiallyAsync("3");
        await page.GetByText("A returning customer with 3 orders.").WaitForAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Simulate", Exact = true }).ClickAsync();

        var timeline = page.GetByRole(AriaRole.List, new() { Name = "Timeline" });
        await timeline.GetByText("'customer.is_first_order' was false").WaitForAsync();
        var skipped = timeline.Locator("li.skipped");
        (await skipped.InnerTextAsync()).ShouldContain("Offer for regulars");
        (await skipped.InnerTextAsync()).ShouldContain("no marketing consent");
        (await timeline.Locator("li.email").CountAsync()).ShouldBe(0);

        await page.GetByLabel("Marketing mail").SelectOptionAsync("yes");
        await page.GetByRole(AriaRole.Button, new() { Name = "Simulate", Exact = true }).ClickAsync();
        await timeline.Locator("li.email").GetByText("surprise-discount").WaitForAsync();
    }

    [Theory]
    [InlineData("chromium")]
    [InlineData("firefox")]
    public async Task a_customer_language_typed_in_the_profile_renders_the_simulated_messages_in_it(string browser)
    {
        await site.PublishFlowAsync(Flow);
        var page = await SignedInAsync(browser);
        await page.GetByRole(AriaRole.Tab, new() { Name = "Simulate" }).ClickAsync();

        await page.GetByLabel("Customer's language").PressSequentiallyAsync("de-AT");
        await page.GetByText("Messages in de-AT, or the nearest language the templates have.").WaitForAsync();
        await page.GetByLabel("Customer's time zone").PressSequentiallyAsync("Europe/Vienna");
        await page.GetByRole(AriaRole.Button, new() { Name = "Simulate", Exact = true }).ClickAsync();

        var timeline = page.GetByRole(AriaRole.List, new() { Name = "Timeline" });
        await timeline.Locator("li.email").GetByText("Gute Wahl").WaitForAsync();
        (await page.GetByLabel("Customer's language").InputValueAsync()).ShouldBe("de-AT");

        // Not a language tag: said so, and nothing is simulated in English instead.
        await page.GetByLabel("Customer's language").FillAsync("");
        await page.GetByLabel("Customer's language").PressSequentiallyAsync("German");
        await page.GetByRole(AriaRole.Button, new() { Name = "Simulate", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Alert).GetByText("\"German\" is not a language tag").WaitForAsync();
    }

    [Fact]
    public async Task a_test_send_arrives_marked_as_a_test_with_the_flows_own_discount_and_is_never_counted()
    {
        await site.PublishFlowAsync(Flow);
        var page = await SignedInAsync("chromium");
        await page.Locator(".react-flow__node[data-id='loyal-offer']").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.GetByTitle("Rendered email").WaitForAsync();
        (await page.FrameLocator("iframe[title='Rendered email']").Locator("body").InnerTextAsync()).ShouldContain("10%");

        await page.GetByLabel("Send a test of this email to").PressSequentiallyAsync("marketer@shop.example");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send test" }).ClickAsync();
        await page.GetByRole(AriaRole.Status).GetByText("Sent “[Test]").WaitForAsync();

        var test = (await site.Mail.WaitForAsync("marketer@shop.example")).ShouldHaveSingleItem();
        test.Subject.ShouldStartWith("[Test] ");
        test.Text.ShouldContain("10%");
        test.Text.ShouldContain("LOYAL-TEST");
        (await site.Mail.RawHeaderAsync(test, "X-CareFlows-Test")).ShouldContain("true");
        (await site.CountAsync("select count(*) from careflows.mt_doc_flowinstance")).ShouldBe(0);
    }

    [Theory]
    [InlineData("chromium")]
    [InlineData("firefox")]
    public async Task a_marketer_builds_order_total_at_least_100_and_first_order_without_writing_code(string browser)
    {
        await site.PublishFlowAsync(Flow);
        var page = await SignedInAsync(browser);
        await page.Locator(".react-flow__node[data-id='start']").FocusAsync();
        await page.Keyboard.PressAsync("Enter");

        var builder = page.GetByRole(AriaRole.Group, new() { Name = "Only when" });
        await builder.GetByRole(AriaRole.Button, new() { Name = "Add a rule" }).ClickAsync();
        await builder.GetByLabel("Comparison 1").SelectOptionAsync(new SelectOptionValue { Label = "at least" });
        await builder.GetByLabel("Value 1").PressSequentiallyAsync("100");
        await builder.GetByRole(AriaRole.Button, new() { Name = "Add a rule" }).ClickAsync();
        await builder.GetByLabel("Field 2").SelectOptionAsync(new SelectOptionValue { Label = "First order" });
        await builder.GetByText("It writes: order.total >= 100 && customer.is_first_order").WaitForAsync();
        await page.GetByRole(AriaRole.Tab, new() { Name = "Problems (0)" }).WaitForAsync();
        await page.Locator(".react-flow__node[data-id='start']").GetByText("Only when order.total >= 100 && customer.is_first_order").WaitForAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Save draft" }).ClickAsync();
        await page.GetByRole(AriaRole.Status).GetByText("Draft saved.").WaitForAsync();
        var draft = System.Text.Json.Nodes.JsonNode.Parse(await site.CreateClient().GetStringAsync("/api/flows/welcome"))!["draft"]!;
        draft["activities"]![0]!["properties"]!["filter"]!.GetValue<string>().ShouldBe("order.total >= 100 && customer.is_first_order");
    }

    private async Task<IPage> SignedInAsync(string browser)
    {
        var page = await site.SignedInDesignerAsync(browser, "#/flows/welcome");
        await page.Locator(".react-flow__node[data-id='start']").WaitForAsync();
        return page;
    }
}
