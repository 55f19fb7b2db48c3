using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CareFlows.Contracts.Consent;
using CareFlows.Engine.Runtime;
using CareFlows.IntegrationTests.Infrastructure;
using CareFlows.IntegrationTests.Orders;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace CareFlows.IntegrationTests.Consent;

[Collection(CareFlowsCollection.Name)]
public class ConsentTests(CareFlowsFixture app) : IAsyncLifetime
{
    public Task InitializeAsync() => app.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task opting_out_on_the_preference_page_stops_the_discount_email_of_a_running_flow()
    {
        app.Clock.AdvanceToNextUtc(new TimeOnly(10, 0));
        var order = TestOrders.New() with { PlacedAt = app.Clock.GetUtcNow() };
        await app.ConsentAsync(order, "marketing");
        await app.Bus.Publish(order);
        await app.Bus.Publish(new Contracts.Orders.OrderDelivered { OrderId = order.OrderId, DeliveredAt = app.Clock.GetUtcNow() });
        await app.Mail.WaitForAsync(order.Customer.Email); // the confirmation: the flow has started, and its first wait is set
        app.Clock.Advance(TimeSpan.FromDays(1));
        var reassurance = (await app.Mail.WaitForAsync(order.Customer.Email, 2)).Single(m => m.Subject.StartsWith("Good choice"));

        // Day 3: the customer follows the link in that email and keeps only service mail.
        app.Clock.Advance(TimeSpan.FromDays(2));
        using var browser = app.CreateClient(apiKey: null);
        var page = await browser.GetStringAsync(EmailLinks.Local(EmailLinks.Preferences(reassurance)));
        page.ShouldContain("Your email preferences");
        var saved = await browser.PostAsync("/preferences", Form(page, ("service", "on"), ("action", "save")));
        saved.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await saved.Content.ReadAsStringAsync()).ShouldContain("Your choices are saved.");

        var instance = await app.RunToEndAsync(order);
        await app.OutboxDrainedAsync();
        var skipped = (await app.EventsAsync(order)).OfType<EmailSkipped>().ShouldHaveSingleItem();
        skipped.Template.ShouldBe("surprise-discount");
        skipped.Reason.ShouldStartWith("opted out of marketing (preference-page");
        (await app.Mail.ToAsync(order.Customer.Email)).Select(m => m.Subject).ShouldNotContain(s => s.StartsWith("A thank-you"));
        (await app.Mail.ToAsync(order.Customer.Email)).Select(m => m.Subject).ShouldContain(s => s.StartsWith("How is everything"));
        instance!.State.ExitReason.ShouldBeNull();
    }

    [Fact]
    public async Task one_click_unsubscribe_unsubscribes_and_the_link_replayed_after_opting_in_again_changes_nothing()
    {
        var order = TestOrders.New() with { PlacedAt = app.Clock.GetUtcNow() };
        await app.Bus.Publish(order);
        await app.Mail.WaitForAsync(order.Customer.Email);
        app.Clock.Advance(TimeSpan.FromDays(1));
        var service = (await app.Mail.WaitForAsync(order.Customer.Email, 2)).Single(m => m.Header("X-CareFlows-Category") == "service");

        (await app.Mail.RawHeaderAsync(service, "List-Unsubscribe-Post")).ShouldBe("List-Unsubscribe=One-Click");
        var url = EmailLinks.Local(EmailLinks.ListUnsubscribe(await app.Mail.RawHeaderAsync(service, "List-Unsubscribe")));
        using var mailClient = app.CreateClient(apiKey: null);
        var first = await OneClick(mailClient, url);
        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await first.Content.ReadAsStringAsync()).ShouldContain("You are unsubscribed");
        (await app.ConsentOfAsync(order.Customer.CustomerId))!.State.DecisionFor("email", "service")!.Source.ShouldBe("one-click-unsubscribe");

        // The customer changes their mind; later the old link is posted again (a mail client retrying, a forwarded email).
        app.Clock.Advance(TimeSpan.FromDays(1));
        using var api = app.CreateClient();
        (await api.PutAsJsonAsync($"/api/customers/{order.Customer.CustomerId}/consent", new { category = "service", optedIn = true, source = "support" })).EnsureSuccessStatusCode();
        app.Clock.Advance(TimeSpan.FromDays(1));
        var replay = await OneClick(mailClient, url);

        replay.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await replay.Content.ReadAsStringAsync()).ShouldContain("This link was used before");
        var history = await History(order.Customer.CustomerId);
        history.Count(e => e.GetProperty("event").GetString() == "UnsubscribedFromAll").ShouldBe(1);
        var service2 = (await app.ConsentOfAsync(order.Customer.CustomerId))!.State.DecisionFor("email", "service")!;
        service2.OptedIn.ShouldBeTrue();
        service2.Source.ShouldBe("support");
    }

    [Fact]
    public async Task concurrent_changes_to_one_customer_are_each_decided_on_fresh_state_and_none_is_lost()
    {
        const string customer = "customer-busy";
        var start = app.Clock.GetUtcNow();
        using var api = app.CreateClient();
        // Eight decisions at once, each half a minute later than the one before by its own time, each from a source of its own.
        var requests = Enumerable.Range(0, 8).Select(i => api.PutAsJsonAsync($"/api/customers/{customer}/consent",
            new { category = "marketing", optedIn = i % 2 == 0, email = "busy@example.com", source = $"support-{i}", changedAt = start.AddSeconds(30 * i) }));
        var responses = await Task.WhenAll(requests);

        responses.ShouldAllBe(r => r.StatusCode == HttpStatusCode.OK);
        var outcomes = await Task.WhenAll(responses.Select(async (r, i) => (Source: $"support-{i}", Outcome: (await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("outcome").GetString())));
        var history = await History(customer);
        history.Select(e => e.GetProperty("version").GetInt64()).ShouldBe(Enumerable.Range(1, history.Count).Select(v => (long)v));
        var recorded = history.Select(e => Detail(e, "source")).Where(s => s != "").ToList();
        recorded.ShouldBe(outcomes.Where(o => o.Outcome == "Changed").Select(o => o.Source), ignoreOrder: true);
        recorded.ShouldBeUnique();
        var marketing = (await app.ConsentOfAsync(customer))!.State.DecisionFor("email", "marketing")!;
        marketing.Source.ShouldBe("support-7"); // the latest decision by its time, whatever order they arrived in
        marketing.OptedIn.ShouldBeFalse();
    }

    private static Task<HttpResponseMessage> OneClick(HttpClient mailClient, string url) =>
        mailClient.PostAsync(url, new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]));

    [Fact]
    public async Task the_confirmation_carries_a_preference_link_but_no_unsubscribe_header()
    {
        var order = TestOrders.New();
        await app.Bus.Publish(order);
        var confirmation = (await app.Mail.WaitForAsync(order.Customer.Email)).Single();
        (await app.Mail.RawHeaderAsync(confirmation, "List-Unsubscribe")).ShouldBeEmpty();
        EmailLinks.Preferences(confirmation).ShouldStartWith("http://127.0.0.1:5080/preferences?token=");
    }

    [Theory]
    [InlineData("/preferences?token=")]
    [InlineData("/preferences?token=not-a-token")]
    [InlineData("/unsubscribe?token=abc.def")]
    public async Task a_malformed_link_gets_a_clear_page(string path)
    {
        using var browser = app.CreateClient(apiKey: null);
        var response = await browser.GetAsync(path);
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldContain("This link is not valid");
    }

    [Fact]
    public async Task a_customer_who_ordered_in_german_gets_the_preference_page_in_german()
    {
        var order = TestOrders.New(locale: "de-AT");
        await app.Bus.Publish(order);
        var url = EmailLinks.Local(EmailLinks.Preferences((await app.Mail.WaitForAsync(order.Customer.Email)).Single()));

        using var browser = app.CreateClient(apiKey: null);
        browser.DefaultRequestHeaders.Add("Accept-Language", "fr-FR, fr;q=0.9"); // the order's locale comes first
        var page = await browser.GetStringAsync(url);

        page.ShouldContain("<html lang=\"de\">");
        page.ShouldContain("<h1>Ihre E-Mail-Einstellungen</h1>");
        page.ShouldContain("Auswahl speichern");
    }

    [Fact]
    public async Task a_bad_link_is_explained_in_the_browsers_language()
    {
        using var browser = app.CreateClient(apiKey: null);
        browser.DefaultRequestHeaders.Add("Accept-Language", "fr-CH, fr;q=0.9, en;q=0.8");
        var response = await browser.GetAsync("/preferences?token=not-a-token");
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldContain("Ce lien n’est pas valide");
    }

    [Fact]
    public async Task a_tampered_link_is_refused_with_a_clear_page_and_changes_nothing()
    {
        var order = TestOrders.New();
        await app.Bus.Publish(order);
        var url = EmailLinks.Local(EmailLinks.Preferences((await app.Mail.WaitForAsync(order.Customer.Email)).Single()));
        var token = url[(url.IndexOf("token=") + 6)..];
        var payload = System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(Pad(token.Split('.')[0])));
        var forged = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(payload.Replace(order.Customer.CustomerId, "customer-someone-else")))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_') + "." + token.Split('.')[1];

        using var browser = app.CreateClient(apiKey: null);
        var post = await browser.PostAsync("/unsubscribe?token=" + forged, new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]));
        post.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await post.Content.ReadAsStringAsync()).ShouldContain("Nothing was changed.");
        (await app.ConsentOfAsync("customer-someone-else")).ShouldBeNull();
        (await app.ConsentOfAsync(order.Customer.CustomerId)).ShouldBeNull();
    }

    [Fact]
    public async Task transactional_mail_still_goes_to_a_customer_who_unsubscribed_from_everything()
    {
        var order = TestOrders.New() with { PlacedAt = app.Clock.GetUtcNow() };
        using var api = app.CreateClient();
        (await api.PutAsJsonAsync($"/api/customers/{order.Customer.CustomerId}/consent", new { category = "service", optedIn = true, email = order.Customer.Email })).EnsureSuccessStatusCode();
        (await api.PostAsJsonAsync($"/api/customers/{order.Customer.CustomerId}/consent/unsubscribe-all", new { source = "support" })).EnsureSuccessStatusCode();

        await app.Bus.Publish(order);
        (await app.Mail.WaitForAsync(order.Customer.Email)).Single().Subject.ShouldStartWith("Your order");
        app.Clock.Advance(TimeSpan.FromDays(1));
        var skipped = await Eventually.Until(async () => (await app.EventsAsync(order)).OfType<EmailSkipped>().ToList(), s => s.Count == 1, "the reassurance to be skipped");
        skipped[0].Reason.ShouldStartWith("opted out of service (support");
        await app.OutboxDrainedAsync();
        (await app.Mail.ToAsync(order.Customer.Email)).Count.ShouldBe(1);
    }

    [Fact]
    public async Task the_history_shows_every_change_with_its_source()
    {
        var order = TestOrders.New();
        var customer = order.Customer.CustomerId;
        await app.ConsentAsync(order, "marketing", optedIn: true, source: "checkout");
        using var api = app.CreateClient();
        app.Clock.Advance(TimeSpan.FromMinutes(5));
        (await api.PutAsJsonAsync($"/api/customers/{customer}/consent", new { category = "marketing", optedIn = false, source = "support" })).EnsureSuccessStatusCode();
        app.Clock.Advance(TimeSpan.FromMinutes(5));
        (await api.PutAsJsonAsync($"/api/customers/{customer}/consent", new { category = "service", optedIn = false })).EnsureSuccessStatusCode();

        var history = await History(customer);
        history.Select(e => $"{e.GetProperty("event").GetString()} {Detail(e, "category")} {Detail(e, "source")}".TrimEnd()).ShouldBe(
        [
            "ConsentRecordOpened",
            "OptedIn marketing checkout",
            "OptedOut marketing support",
            "OptedOut service api",
        ]);
        var current = await api.GetFromJsonAsync<JsonElement>($"/api/customers/{customer}/consent");
        current.GetProperty("categories").GetProperty("marketing").GetProperty("optedIn").GetBoolean().ShouldBeFalse();
        current.GetProperty("categories").GetProperty("marketing").GetProperty("source").GetString().ShouldBe("support");
    }

    [Fact]
    public async Task an_unknown_customer_gets_a_clear_404_naming_the_defaults()
    {
        using var api = app.CreateClient();
        var response = await api.GetAsync("/api/customers/nobody/consent");
        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await response.Content.ReadAsStringAsync()).ShouldContain("defaults apply: service yes, marketing no");
    }

    [Fact]
    public async Task a_redelivered_consent_message_is_applied_once()
    {
        var order = TestOrders.New();
        var message = new CustomerConsentChanged
        {
            CustomerId = order.Customer.CustomerId, Email = order.Customer.Email, Category = "marketing", OptedIn = true, Source = "checkout", ChangedAt = app.Clock.GetUtcNow(),
        };
        var messageId = NewId.NextGuid();
        await app.Bus.Publish(message, c => c.MessageId = messageId);
        await Eventually.Until(() => app.ConsentOfAsync(order.Customer.CustomerId), c => c is not null, "the consent record");
        using var api = app.CreateClient();
        // An opt-out stamped with the same instant: by time alone the redelivered opt-in below would win again.
        (await api.PutAsJsonAsync($"/api/customers/{order.Customer.CustomerId}/consent", new { category = "marketing", optedIn = false, source = "support", changedAt = message.ChangedAt })).EnsureSuccessStatusCode();

        // The same message again, as RabbitMQ would redeliver it: the receipt recognises it, nothing changes.
        await app.Bus.Publish(message, c => c.MessageId = messageId);
        await app.Consumed.WaitForAsync<CustomerConsentChanged>(2);

        (await History(order.Customer.CustomerId)).Count(e => e.GetProperty("event").GetString() == "OptedIn").ShouldBe(1);
        (await app.ConsentOfAsync(order.Customer.CustomerId))!.State.DecisionFor("email", "marketing")!.OptedIn.ShouldBeFalse();
    }

    [Theory]
    [InlineData("not-an-email", "marketing", "email is not a valid address")]
    [InlineData("ada@example.com", "newsletter", "category 'newsletter' is unknown")]
    [InlineData("ada@example.com", "transactional", "transactional messages always go")]
    public async Task a_consent_message_that_cannot_be_applied_lands_in_the_error_queue_with_its_reason(string email, string category, string reason)
    {
        var messageId = NewId.NextGuid();
        await app.Bus.Publish(new CustomerConsentChanged { CustomerId = "customer-bad", Email = email, Category = category, OptedIn = true, ChangedAt = app.Clock.GetUtcNow() },
            c => c.MessageId = messageId);

        var dead = (await app.ConsentErrorQueue.WaitForAsync(messageId))!;
        dead.Header("MT-Fault-Message").ShouldContain(reason);
        (await app.ConsentOfAsync("customer-bad")).ShouldBeNull();
    }

    [Fact]
    public async Task a_shop_opt_in_dated_in_the_future_is_refused_and_cannot_override_a_later_unsubscribe()
    {
        const string customer = "customer-future";
        using var api = app.CreateClient();
        var refused = await api.PutAsJsonAsync($"/api/customers/{customer}/consent",
            new { category = "marketing", optedIn = true, source = "checkout", changedAt = new DateTimeOffset(2099, 1, 1, 0, 0, 0, TimeSpan.Zero) });
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await refused.Content.ReadAsStringAsync()).ShouldContain("changedAt is in the future");

        var messageId = NewId.NextGuid();
        await app.Bus.Publish(new CustomerConsentChanged { CustomerId = customer, Email = "future@example.com", Category = "marketing", OptedIn = true, ChangedAt = app.Clock.GetUtcNow().AddYears(73) },
            c => c.MessageId = messageId);
        (await app.ConsentErrorQueue.WaitForAsync(messageId))!.Header("MT-Fault-Message").ShouldContain("changedAt is in the future");
        (await app.ConsentOfAsync(customer)).ShouldBeNull();
    }

    [Theory]
    [InlineData("one-click-unsubscribe")]
    [InlineData("Preference-Page")]
    [InlineData("confirmation-link")]
    [InlineData("bounce")]
    public async Task a_shop_cannot_write_a_decision_under_a_source_careflows_keeps_for_the_customers_own_clicks(string source)
    {
        using var api = app.CreateClient();
        var refused = await api.PutAsJsonAsync("/api/customers/customer-reserved/consent", new { category = "marketing", optedIn = true, source });
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await refused.Content.ReadAsStringAsync()).ShouldContain("reserved");
        (await app.ConsentOfAsync("customer-reserved")).ShouldBeNull();
    }

    [Fact]
    public async Task an_address_that_opted_out_under_one_customer_id_gets_no_marketing_under_another()
    {
        var order = TestOrders.New() with { PlacedAt = app.Clock.GetUtcNow() };
        using var api = app.CreateClient();
        (await api.PutAsJsonAsync($"/api/customers/{order.Customer.CustomerId}/consent",
            new { category = "marketing", optedIn = true, source = "checkout", email = order.Customer.Email })).EnsureSuccessStatusCode();
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        (await api.PutAsJsonAsync("/api/customers/guest-of-the-same-person/consent",
            new { category = "marketing", optedIn = false, source = "guest-checkout", email = order.Customer.Email.ToUpperInvariant() })).EnsureSuccessStatusCode();

        var gate = app.Services.GetRequiredService<CareFlows.Server.Delivery.ISendGate>();
        await using var session = app.Services.GetRequiredService<Marten.IDocumentStore>().QuerySession();
        var verdict = await gate.CheckAsync(session, order.Customer.CustomerId, order.Customer.Email, "marketing", CancellationToken.None);
        verdict.Allowed.ShouldBeFalse();
        verdict.Reason.ShouldStartWith("opted out of marketing (guest-checkout");
    }

    private async Task<IReadOnlyList<JsonElement>> History(string customerId)
    {
        using var api = app.CreateClient();
        return await api.GetFromJsonAsync<List<JsonElement>>($"/api/customers/{customerId}/consent/history") ?? [];
    }

    private static string Detail(JsonElement entry, string name) =>
        entry.GetProperty("details").TryGetProperty(name, out var value) ? value.GetString() ?? "" : "";

    private static FormUrlEncodedContent Form(string page, params (string Name, string Value)[] fields)
    {
        var token = System.Text.RegularExpressions.Regex.Match(page, "name=\"token\" value=\"([^\"]+)\"").Groups[1].Value;
        return new FormUrlEncodedContent([new("token", WebUtility.HtmlDecode(token)), .. fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))]);
    }

    private static string Pad(string base64Url)
    {
        var s = base64Url.Replace('-', '+').Replace('_', '/');
        return s + new string('=', (4 - s.Length % 4) % 4);
    }
}
