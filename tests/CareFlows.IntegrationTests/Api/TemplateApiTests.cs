using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using CareFlows.IntegrationTests.Infrastructure;
using CareFlows.IntegrationTests.Orders;

namespace CareFlows.IntegrationTests.Api;

[Collection(CareFlowsCollection.Name)]
public class TemplateApiTests(CareFlowsFixture app) : IAsyncLifetime
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public Task InitializeAsync() => app.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task the_templates_are_listed_with_their_locales()
    {
        using var client = app.CreateClient();
        var templates = (await client.GetFromJsonAsync<JsonObject>("/api/templates", Json))!;
        templates["surprise-discount"]!.AsArray().Select(l => l!.GetValue<string>()).ShouldBe(["de", "en", "fr"]);
        templates.ContainsKey("_layout").ShouldBeFalse();
    }

    [Fact]
    public async Task a_template_is_previewed_for_the_sample_order_in_a_chosen_locale()
    {
        using var client = app.CreateClient();
        var preview = await client.PostAsJsonAsync("/api/templates/surprise-discount/preview", new { locale = "fr-CH" }, Json);
        preview.EnsureSuccessStatusCode();
        var email = (await preview.Content.ReadFromJsonAsync<JsonObject>(Json))!;
        email["subject"]!.GetValue<string>().ShouldStartWith("Un merci de Demo Shop : 15% sur");
        email["html"]!.GetValue<string>().ShouldContain("THANKS-SAMP-LE00-CODE-0000");
    }

    [Fact]
    public async Task a_real_past_order_can_be_previewed()
    {
        var order = TestOrders.New(firstName: "Grace");
        await app.Bus.Publish(order);
        await app.Mail.WaitForAsync(order.Customer.Email);
        using var client = app.CreateClient();

        var email = (await (await client.PostAsJsonAsync("/api/templates/order-confirmation/preview", new { orderId = order.OrderId }, Json))
            .Content.ReadFromJsonAsync<JsonObject>(Json))!;

        email["subject"]!.GetValue<string>().ShouldBe($"Your order {order.OrderNumber} is confirmed");
        email["text"]!.GetValue<string>().ShouldContain("Thank you, Grace!");
    }

    [Fact]
    public async Task an_unknown_template_is_a_404()
    {
        using var client = app.CreateClient();
        (await client.PostAsJsonAsync("/api/templates/nope/preview", new { }, Json)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
