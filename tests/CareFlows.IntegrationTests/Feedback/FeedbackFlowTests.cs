using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using CareFlows.Contracts.Feedback;
using CareFlows.Contracts.Orders;
using CareFlows.Engine.Runtime;
using CareFlows.IntegrationTests.Consent;
using CareFlows.IntegrationTests.Infrastructure;
using CareFlows.IntegrationTests.Orders;

namespace CareFlows.IntegrationTests.Feedback;

/// <summary>
/// Closing the loop on the real services: the check-in's rating links, opened as a mail scanner and then a customer
/// would; the owner's alert at the SMTP sink and the helpdesk's message on RabbitMQ; the apology in the owner's name;
/// the case resolved over the API; and the question whether it was put right.
/// </summary>
[Collection(CareFlowsCollection.Name)]
public class FeedbackFlowTests(CareFlowsFixture app) : IAsyncLifetime
{
    private static readonly string[] TeamAddresses = ["sam@shop.example", "lea@shop.example", "chloe@shop.example"];

    public Task InitializeAsync() => app.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task an_unhappy_rating_reaches_the_owner_and_the_helpdesk_and_the_customer_hears_from_the_owner_by_name()
    {
        await using var helpdesk = await PublishedMessages.SubscribeAsync<CustomerNeedsAttention>(TestServices.Amqp);
        var order = await DeliveredAndCheckedInAsync();
        var checkIn = (await app.Mail.ToAsync(order.Customer.Email)).Single(m => m.Subject.StartsWith("How is everything"));
        var links = RatingLinks(checkIn);
        links.Keys.ShouldBe([1, 2, 3, 4, 5]);
        checkIn.Html.ShouldContain("2 · Unhappy");

        // A mail scanner opens every link: the page shows, nothing is recorded.
        using var client = app.CreateClient(apiKey: null);
        foreach (var link in links.Values) (await client.GetAsync(EmailLinks.Local(link))).StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await client.GetStringAsync(EmailLinks.Local(links[2]));
        page.ShouldContain("id=\"score-2\" name=\"score\" value=\"2\" checked");
        (await app.EventsAsync(order)).OfType<FeedbackGiven>().ShouldBeEmpty();

        var thanks = await RateAsync(client, links[2], "2", "<b>box was damaged</b>");
        thanks.ShouldContain("will get back to you within 24 hours");
        thanks.ShouldNotContain("<b>box");

        var given = (await app.EventsAsync(order)).OfType<FeedbackGiven>().ShouldHaveSingleItem();
        (given.Score, given.Comment, given.ActivityId).ShouldBe((2, "<b>box was damaged</b>", "check-in"));
        var care = await CareAsync(order.Customer.CustomerId);
        var owner = care.GetProperty("owner");
        var ownerEmail = owner.GetProperty("email").GetString()!;
        TeamAddresses.ShouldContain(ownerEmail);
        var openCase = care.GetProperty("cases").EnumerateArray().ShouldHaveSingleItem();

        var alert = (await app.Mail.WaitForAsync(ownerEmail)).ShouldHaveSingleItem();
        alert.Subject.ShouldStartWith($"Rated 2 of 5: order {order.OrderNumber}");
        alert.Text.ShouldContain("<b>box was damaged</b>"); // the text part as typed; the HTML part escapes it
        alert.Html.ShouldNotContain("<b>box");
        alert.Text.ShouldContain($"/designer/#/customers/{order.Customer.CustomerId}");

        var published = await Eventually.Until(() => helpdesk.TakeAllAsync(), m => m.Count > 0, "CustomerNeedsAttention on RabbitMQ");
        var attention = published.ShouldHaveSingleItem().Message;
        attention.GetProperty("orderId").GetString().ShouldBe(order.OrderId);
        attention.GetProperty("score").GetInt32().ShouldBe(2);
        attention.GetProperty("ownerEmail").GetString().ShouldBe(ownerEmail);
        attention.GetProperty("caseId").GetString().ShouldBe(openCase.GetProperty("id").GetString());

        var apology = await ExpectAsync(order.Customer.Email, "I am sorry about order");
        apology.Text.ShouldContain($"I am {owner.GetProperty("name").GetString()}");
        (await app.Mail.RawHeaderAsync(apology, "Reply-To")).ShouldContain(ownerEmail);
        (await app.Mail.RawHeaderAsync(apology, "From")).ShouldContain(owner.GetProperty("name").GetString()!);

        using var api = app.CreateClient();
        var resolve = await api.PostAsJsonAsync($"/api/customers/{order.Customer.CustomerId}/cases/{openCase.GetProperty("id").GetString()}/resolve",
            new { note = "Sent a new mug" });
        resolve.StatusCode.ShouldBe(HttpStatusCode.OK);
        await ExpectAsync(order.Customer.Email, "Did we put it right?");
        (await CareAsync(order.Customer.CustomerId)).GetProperty("cases")[0].GetProperty("note").GetString().ShouldBe("Sent a new mug");

        // Once per step: nothing more to the owner or the helpdesk after all that.
        await app.OutboxDrainedAsync();
        (await app.Mail.ToAsync(ownerEmail)).Count.ShouldBe(1);
        (await helpdesk.TakeAllAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task a_happy_rating_alerts_no_one_and_the_support_reminder_follows()
    {
        var order = await DeliveredAndCheckedInAsync();
        var checkIn = (await app.Mail.ToAsync(order.Customer.Email)).Single(m => m.Subject.StartsWith("How is everything"));
        using var client = app.CreateClient(apiKey: null);
        (await RateAsync(client, RatingLinks(checkIn)[5], "5", "")).ShouldContain("Your answer reached us");

        await Eventually.Until(() => app.InstanceAsync(order), i => i?.State.Waiting?.ActivityId == "a-few-more-days", "the instance to take the happy branch");
        app.Clock.Advance(TimeSpan.FromDays(2));
        await ExpectAsync(order.Customer.Email, "We are here if you need us");
        await app.OutboxDrainedAsync();
        foreach (var member in TeamAddresses) (await app.Mail.ToAsync(member)).ShouldBeEmpty();
        (await CareAsync(order.Customer.CustomerId)).GetProperty("cases").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task a_second_answer_replaces_the_first_and_a_tampered_link_changes_nothing()
    {
        var order = await DeliveredAndCheckedInAsync();
        var link = RatingLinks((await app.Mail.ToAsync(order.Customer.Email)).Single(m => m.Subject.StartsWith("How is everything")))[4];
        using var client = app.CreateClient(apiKey: null);
        await RateAsync(client, link, "4", "");
        await RateAsync(client, link, "3", "on second thoughts, slow");

        var answers = (await app.EventsAsync(order)).OfType<FeedbackGiven>().ToList();
        answers.Select(a => a.Score).ShouldBe([4, 3]);
        (await app.InstanceAsync(order))!.State.Answers["check-in"].Score.ShouldBe(3);

        var token = Regex.Match(link, "token=([^&]+)").Groups[1].Value;
        var tampered = token[..^2] + (token[^2] == 'A' ? "B" : "A") + token[^1];
        var refused = await client.PostAsync("/rate", new FormUrlEncodedContent(new Dictionary<string, string> { ["token"] = tampered, ["score"] = "1" }));
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await refused.Content.ReadAsStringAsync()).ShouldContain("This link is not valid");
        (await app.EventsAsync(order)).OfType<FeedbackGiven>().Count().ShouldBe(2);
    }

    private Task<OrderPlaced> DeliveredAndCheckedInAsync() => CheckIns.DeliveredAndCheckedInAsync(app);

    private Task<ReceivedEmail> ExpectAsync(string to, string subjectStart) => CheckIns.ExpectAsync(app, to, subjectStart);

    private static async Task<string> RateAsync(HttpClient client, string link, string score, string comment)
    {
        var token = Regex.Match(link, "token=([^&]+)").Groups[1].Value;
        var response = await client.PostAsync("/rate", new FormUrlEncodedContent(new Dictionary<string, string> { ["token"] = token, ["score"] = score, ["comment"] = comment }));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return await response.Content.ReadAsStringAsync();
    }

    private async Task<JsonElement> CareAsync(string customerId)
    {
        using var api = app.CreateClient();
        return await api.GetFromJsonAsync<JsonElement>($"/api/customers/{Uri.EscapeDataString(customerId)}/care");
    }

    private static Dictionary<int, string> RatingLinks(ReceivedEmail mail) => CheckIns.RatingLinks(mail);
}
