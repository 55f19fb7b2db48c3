using Microsoft.Playwright;

namespace CareFlows.IntegrationTests.Browser;

/// <summary>A flow's life from the list: started from a ready-made template, archived (out of the list, history kept), brought back.</summary>
[Collection(PublicSiteCollection.Name)]
public class FlowLifecycleBrowserTests(PublicSiteFixture site) : IAsyncLifetime
{
    public Task InitializeAsync() => site.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task a_flow_started_from_a_template_is_archived_out_of_the_list_and_brought_back()
    {
        var page = await site.SignedInDesignerAsync();

        await page.GetByLabel("New flow").PressSequentiallyAsync("Hello newcomers");
        await page.GetByLabel("Start from").SelectOptionAsync(new SelectOptionValue { Label = "First-order welcome" });
        await page.GetByText("For a customer's first order only").WaitForAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Create" }).ClickAsync();
        await page.Locator(".react-flow__node[data-id='second-order-offer']").GetByText("Offer for the second order").WaitForAsync();
        await page.GetByRole(AriaRole.Tab, new() { Name = "Problems (0)" }).WaitForAsync();

        page.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Archive" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Flows", Exact = true }).WaitForAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Close the loop" }).WaitForAsync();
        (await page.GetByRole(AriaRole.Link, new() { Name = "Hello newcomers" }).CountAsync()).ShouldBe(0);

        await page.GetByLabel("Show 1 archived flow(s)").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Bring back" }).ClickAsync();
        await page.GetByLabel("Show 1 archived flow(s)").WaitForAsync(new() { State = WaitForSelectorState.Detached });
        await page.GetByRole(AriaRole.Row, new() { Name = "Hello newcomers" }).GetByText("disabled").WaitForAsync();
    }
}
