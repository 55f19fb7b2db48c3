using CareFlows.Engine.Runtime;
using CareFlows.IntegrationTests.Consent;
using CareFlows.IntegrationTests.Infrastructure;
using CareFlows.IntegrationTests.Orders;
using Microsoft.Playwright;

namespace CareFlows.IntegrationTests.Browser;

/// <summary>The preference page as a customer uses it: from a link in a received email, in Chromium, by label and role.</summary>
[Collection(PublicSiteCollection.Name)]
public class PreferencePageBrowserTests(PublicSiteFixture site) : IAsyncLifetime
{
    public Task InitializeAsync() => site.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task a_customer_opts_out_of_service_mail_from_the_link_in_an_email_and_gets_no_more()
    {
        site.Clock.AdvanceToNextUtc(new TimeOnly(10, 0));
        var order = TestOrders.New() with { PlacedAt = site.Clock.GetUtcNow() };
        await site.Bus.Publish(order);
        var confirmation = (await site.Mail.WaitForAsync(order.Customer.Email)).Single();

        var page = await site.Browser.NewPageAsync();
        await page.GotoAsync(EmailLinks.Preferences(confirmation));
        var service = page.GetByLabel("Service emails");
        (await service.IsCheckedAsync()).ShouldBeTrue("service mail is on by default");
        (await page.GetByLabel("Offers and discounts").IsCheckedAsync()).ShouldBeFalse("marketing is off by default");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = PublicSiteFixture.ScreenshotPath("preference-page"), FullPage = true });

        await service.UncheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save my choices" }).ClickAsync();
        await page.GetByRole(AriaRole.Status).GetByText("Your choices are saved.").WaitForAsync();
        (await page.GetByLabel("Service emails").IsCheckedAsync()).ShouldBeFalse("the saved page shows the new choice");

        await site.RunToEndAsync(order);
        await site.OutboxDrainedAsync();
        (await site.Mail.ToAsync(order.Customer.Email)).Count.ShouldBe(1, "only the order confirmation");
        var skipped = (await site.EventsAsync(order)).OfType<EmailSkipped>().Select(s => s.Reason).ToList();
        skipped.ShouldNotBeEmpty();
        skipped.ShouldAllBe(reason => reason.StartsWith("opted out of service (preference-page") || reason.StartsWith("no marketing consent"));
    }

    [Fact]
    public async Task marketing_chosen_on_the_page_counts_only_after_the_click_in_the_confirmation_email()
    {
        var order = TestOrders.New();
        await site.Bus.Publish(order);
        var confirmation = (await site.Mail.WaitForAsync(order.Customer.Email)).Single();

        var page = await site.Browser.NewPageAsync();
        await page.GotoAsync(EmailLinks.Preferences(confirmation));
        await page.GetByLabel("Offers and discounts").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save my choices" }).ClickAsync();
        await page.GetByRole(AriaRole.Status).GetByText("We sent you an email").WaitForAsync();
        (await site.ConsentOfAsync(order.Customer.CustomerId))!.State.DecisionFor("email", "marketing").ShouldBeNull("not before the confirmation");

        // The box stays ticked while the confirmation is on its way; saving again neither withdraws nor repeats the request.
        (await page.GetByLabel("Offers and discounts").IsCheckedAsync()).ShouldBeTrue();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save my choices" }).ClickAsync();
        await page.GetByRole(AriaRole.Status).GetByText("Your choices are saved.").WaitForAsync();
        await site.OutboxDrainedAsync();
        var request = (await site.Mail.WaitForAsync(order.Customer.Email, 2)).Single(m => m.Subject.StartsWith("Please confirm"));
        var confirmLink = request.Text.Split('\n').Select(l => l.Trim()).Single(l => l.Contains("/confirm?token="));
        await page.GotoAsync(confirmLink);
        await page.GetByRole(AriaRole.Button, new() { Name = "Yes, confirm" }).ClickAsync();
        await page.GetByRole(AriaRole.Status).GetByText("Your subscription is confirmed.").WaitForAsync();

        var marketing = (await site.ConsentOfAsync(order.Customer.CustomerId))!.State.DecisionFor("email", "marketing")!;
        marketing.OptedIn.ShouldBeTrue();
        marketing.Source.ShouldBe("confirmation-link");
    }

    [Fact]
    public async Task an_expired_link_shows_a_page_that_says_so()
    {
        var order = TestOrders.New();
        await site.Bus.Publish(order);
        var link = EmailLinks.Preferences((await site.Mail.WaitForAsync(order.Customer.Email)).Single());
        site.Clock.Advance(TimeSpan.FromDays(91));

        var page = await site.Browser.NewPageAsync();
        var response = await page.GotoAsync(link);
        response!.Status.ShouldBe(410);
        (await page.GetByRole(AriaRole.Heading).InnerTextAsync()).ShouldBe("This link has expired");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = PublicSiteFixture.ScreenshotPath("expired-link") });
    }
}
