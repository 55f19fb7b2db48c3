using System.Text.RegularExpressions;
using CareFlows.Engine.Runtime;
using CareFlows.IntegrationTests.Feedback;
using CareFlows.IntegrationTests.Infrastructure;
using Microsoft.Playwright;

namespace CareFlows.IntegrationTests.Browser;

/// <summary>
/// The rating page as a customer uses it, from the link in the check-in, with the keyboard alone, in Chromium and
/// Firefox; and the designer's Feedback view, where the owner sees the case and resolves it.
/// </summary>
[Collection(PublicSiteCollection.Name)]
public class FeedbackBrowserTests(PublicSiteFixture site) : IAsyncLifetime
{
    public Task InitializeAsync() => site.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData("chromium")]
    [InlineData("firefox")]
    public async Task a_customer_rates_with_the_keyboard_alone_and_a_comment_with_html_is_kept_as_typed(string browser)
    {
        var order = await CheckIns.DeliveredAndCheckedInAsync(site);
        var checkIn = (await site.Mail.ToAsync(order.Customer.Email)).Single(m => m.Subject.StartsWith("How is everything"));
        var page = await site.Named(browser).NewPageAsync();
        await page.GotoAsync(RatingLink(checkIn, 4));
        (await Radio(page, "Happy").IsCheckedAsync()).ShouldBeTrue("the clicked score is chosen");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = PublicSiteFixture.ScreenshotPath($"rating-page-{browser}"), FullPage = true });

        // Keyboard only: the chosen radio takes focus, an arrow moves the choice down to 3, Tab reaches the comment.
        await Radio(page, "Happy").FocusAsync();
        await page.Keyboard.PressAsync("ArrowUp");
        (await Radio(page, "Okay").IsCheckedAsync()).ShouldBeTrue();
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync("<script>alert(1)</script> slow & late");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Enter");
        await page.GetByRole(AriaRole.Heading, new() { Name = "Thank you" }).WaitForAsync();

        var given = (await site.EventsAsync(order)).OfType<FeedbackGiven>().ShouldHaveSingleItem();
        given.Score.ShouldBe(3);
        given.Comment.ShouldBe("<script>alert(1)</script> slow & late");
    }

    [Fact]
    public async Task the_owner_sees_an_unhappy_rating_in_the_feedback_view_and_resolves_the_case_there()
    {
        var order = await CheckIns.DeliveredAndCheckedInAsync(site);
        var checkIn = (await site.Mail.ToAsync(order.Customer.Email)).Single(m => m.Subject.StartsWith("How is everything"));
        var customer = await site.Browser.NewPageAsync();
        await customer.GotoAsync(RatingLink(checkIn, 1));
        await customer.GetByLabel("Anything you would like to tell us? (optional)").PressSequentiallyAsync("The box was crushed");
        await customer.GetByRole(AriaRole.Button, new() { Name = "Send my answer" }).ClickAsync();
        await customer.GetByText("will get back to you within 24 hours").WaitForAsync();

        var page = await site.SignedInDesignerAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Feedback" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Feedback", Exact = true }).WaitForAsync();
        await page.GetByText("1 rating, average 1 of 5").WaitForAsync();
        await page.GetByRole(AriaRole.Cell, new() { Name = "The box was crushed" }).WaitForAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = PublicSiteFixture.ScreenshotPath("feedback-view"), FullPage = true });

        await page.GetByRole(AriaRole.Region, new() { Name = "Open cases" }).GetByRole(AriaRole.Link, new() { Name = order.Customer.CustomerId }).ClickAsync();
        await page.GetByLabel("How was it put right?").PressSequentiallyAsync("Sent a new one");
        await page.GetByRole(AriaRole.Button, new() { Name = "Resolve case" }).ClickAsync();
        await page.GetByText("Sent a new one").WaitForAsync();

        await CheckIns.ExpectAsync(site, order.Customer.Email, "Did we put it right?");
    }

    // By accessible name: the face beside each word is hidden from screen readers, so the radio is named by its word.
    private static ILocator Radio(IPage page, string name) => page.GetByRole(AriaRole.Radio, new() { Name = name, Exact = true });

    private static string RatingLink(ReceivedEmail mail, int score) => CheckIns.RatingLinks(mail)[score];
}
