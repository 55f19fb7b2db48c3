using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using CareFlows.Engine.Definitions;
using CareFlows.Engine.Runtime;
using CareFlows.IntegrationTests.Infrastructure;
using CareFlows.IntegrationTests.Orders;
using CareFlows.Server.Flows;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace CareFlows.IntegrationTests.Api;

[Collection(CareFlowsCollection.Name)]
public class DefinitionApiTests(CareFlowsFixture app) : IAsyncLifetime
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public Task InitializeAsync() => app.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task the_management_api_refuses_calls_without_the_api_key()
    {
        using var anonymous = app.CreateClient(apiKey: null);
        (await anonymous.GetAsync("/api/flows")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        using var wrong = app.CreateClient(apiKey: "guess");
        (await wrong.GetAsync("/api/flows")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task the_schema_and_the_openapi_description_are_served()
    {
        using var client = app.CreateClient(apiKey: null);
        var schema = JsonNode.Parse(await client.GetStringAsync("/api/flows/schema"))!;
        schema["properties"]!["activities"]!["items"]!["oneOf"]!.AsArray().Count.ShouldBe(CareFlows.Engine.Activities.ActivityCatalog.All.Count);
        (await client.GetStringAsync("/openapi/v1.json")).ShouldContain("/api/flows/{id}/publish");
    }

    [Fact]
    public async Task the_flow_from_workflows_is_listed_as_published()
    {
        using var client = app.CreateClient();
        var flows = await client.GetFromJsonAsync<JsonArray>("/api/flows", Json);
        var flow = flows!.Single(f => f!["id"]!.GetValue<string>() == "close-the-loop")!;
        flow["state"]!.GetValue<string>().ShouldBe("published");
        flow["publishedVersion"]!.GetValue<int>().ShouldBe(2); // workflows/close-the-loop.json says version 2
    }

    [Fact]
    public async Task a_draft_based_on_an_old_revision_is_refused_as_a_conflict()
    {
        using var client = app.CreateClient();
        var draft = await Draft(client);
        (await client.PutAsJsonAsync("/api/flows/close-the-loop/draft", new { definition = draft.Definition, revision = draft.Revision }, Json)).EnsureSuccessStatusCode();

        var stale = await client.PutAsJsonAsync("/api/flows/close-the-loop/draft", new { definition = draft.Definition, revision = draft.Revision }, Json);

        stale.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await stale.Content.ReadAsStringAsync()).ShouldContain("Someone saved this flow since you opened it");
    }

    [Fact]
    public async Task an_invalid_draft_is_saved_but_cannot_be_published_and_its_faults_name_their_paths()
    {
        using var client = app.CreateClient();
        var draft = await Draft(client);
        var broken = WithProperty(draft.Definition, "wait-a-day", "duration", "tomorrow");

        var saved = await client.PutAsJsonAsync("/api/flows/close-the-loop/draft", new { definition = broken, revision = draft.Revision }, Json);
        saved.EnsureSuccessStatusCode();
        var publish = await client.PostAsJsonAsync("/api/flows/close-the-loop/publish", new { note = "try" }, Json);

        publish.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var fault = (await publish.Content.ReadFromJsonAsync<JsonObject>(Json))!["faults"]!.AsArray().ShouldHaveSingleItem()!;
        fault["path"]!.GetValue<string>().ShouldBe("$.activities[2].properties.duration");
        fault["message"]!.GetValue<string>().ShouldBe("'tomorrow' is not an ISO-8601 duration such as PT2H or P3D");
    }

    [Fact]
    public async Task a_version_needs_a_note_and_a_change()
    {
        using var client = app.CreateClient();
        var unchanged = await client.PostAsJsonAsync("/api/flows/close-the-loop/publish", new { note = "again" }, Json);
        unchanged.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await unchanged.Content.ReadAsStringAsync()).ShouldContain("the same as version 2");

        var draft = await Draft(client);
        var changed = WithProperty(draft.Definition, "reassurance", "template", "support-reminder");
        (await client.PutAsJsonAsync("/api/flows/close-the-loop/draft", new { definition = changed, revision = draft.Revision }, Json)).EnsureSuccessStatusCode();
        var noNote = await client.PostAsJsonAsync("/api/flows/close-the-loop/publish", new { note = " " }, Json);
        noNote.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await noNote.Content.ReadAsStringAsync()).ShouldContain("Say what this version changes");

        (await client.PostAsJsonAsync("/api/flows/close-the-loop/publish", new { note = "support reminder instead" }, Json)).EnsureSuccessStatusCode();
    }

    [Fact]
    public async Task running_instances_finish_on_their_version_while_new_orders_get_the_new_one()
    {
        using var client = app.CreateClient();
        var before = TestOrders.New() with { PlacedAt = app.Clock.GetUtcNow() };
        await app.Bus.Publish(before);
        await app.Mail.WaitForAsync(before.Customer.Email);

        var draft = await Draft(client);
        var v3 = WithProperty(draft.Definition, "reassurance", "template", "support-reminder");
        (await client.PutAsJsonAsync("/api/flows/close-the-loop/draft", new { definition = v3, revision = draft.Revision }, Json)).EnsureSuccessStatusCode();
        var published = await client.PostAsJsonAsync("/api/flows/close-the-loop/publish", new { note = "support reminder instead" }, Json);
        (await published.Content.ReadFromJsonAsync<JsonObject>(Json))!["version"]!.GetValue<int>().ShouldBe(3);

        var after = TestOrders.New() with { PlacedAt = app.Clock.GetUtcNow() };
        await app.Bus.Publish(after);
        await app.Mail.WaitForAsync(after.Customer.Email);
        app.Clock.Advance(TimeSpan.FromDays(1));

        (await app.Mail.WaitForAsync(before.Customer.Email, 2)).ShouldContain(m => m.Subject.StartsWith("Good choice"));
        (await app.Mail.WaitForAsync(after.Customer.Email, 2)).ShouldContain(m => m.Subject == "We are here if you need us");
        (await app.InstanceAsync(before))!.FlowVersion.ShouldBe(2);
        (await app.InstanceAsync(after))!.FlowVersion.ShouldBe(3);
    }

    [Fact]
    public async Task a_disabled_flow_starts_no_new_instances()
    {
        using var client = app.CreateClient();
        (await client.PostAsync("/api/flows/close-the-loop/disable", null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var order = TestOrders.New();

        await app.Bus.Publish(order);
        await app.Consumed.WaitForAsync<CareFlows.Contracts.Orders.OrderPlaced>(1);

        (await app.CountAsync("select count(*) from careflows.mt_streams")).ShouldBe(0);
    }

    [Fact]
    public async Task an_exported_flow_imports_back_identical_in_meaning()
    {
        using var client = app.CreateClient();
        var exported = await client.GetStringAsync("/api/flows/close-the-loop/export");
        var file = await File.ReadAllTextAsync(Path.Combine(CareFlowsFixture.RepositoryFolder("workflows"), "close-the-loop.json"));
        JsonNode.DeepEquals(Normalised(exported), Normalised(file)).ShouldBeTrue();

        var imported = await client.PostAsync("/api/flows/import", new StringContent(exported, System.Text.Encoding.UTF8, "application/json"));
        imported.EnsureSuccessStatusCode();
        (await imported.Content.ReadFromJsonAsync<JsonObject>(Json))!["faults"]!.AsArray().ShouldBeEmpty();
        JsonNode.DeepEquals(Normalised(await client.GetStringAsync("/api/flows/close-the-loop/export?draft=true")), Normalised(file)).ShouldBeTrue();
    }

    [Fact]
    public async Task the_simulator_returns_the_timeline_with_rendered_emails()
    {
        using var client = app.CreateClient();
        var response = await client.PostAsJsonAsync("/api/simulate", new
        {
            flowId = "close-the-loop", version = 2,
            events = new[] { new { @event = "OrderDelivered", after = "P2D" }, new { @event = "OrderRefunded", after = "P10D" } },
        }, Json);
        response.EnsureSuccessStatusCode();
        var result = (await response.Content.ReadFromJsonAsync<JsonObject>(Json))!;

        result["outcome"]!.GetValue<string>().ShouldBe("exited: OrderRefunded");
        var emails = result["timeline"]!.AsArray().Where(t => t!["email"] is not null).Select(t => t!["email"]!).ToList();
        emails.Select(e => e["template"]!.GetValue<string>()).ShouldBe(["order-confirmation", "reassurance", "delivery-check-in", "support-reminder"]);
        emails[0]["subject"]!.GetValue<string>().ShouldStartWith("Your order");
    }

    private sealed record DraftView(FlowDefinition Definition, int Revision);

    private static async Task<DraftView> Draft(HttpClient client)
    {
        var details = (await client.GetFromJsonAsync<JsonObject>("/api/flows/close-the-loop", Json))!;
        return new DraftView(details["draft"].Deserialize<FlowDefinition>(DefinitionJson.Options)!, details["flow"]!["revision"]!.GetValue<int>());
    }

    private static FlowDefinition WithProperty(FlowDefinition definition, string activityId, string property, string value) => definition with
    {
        Activities = definition.Activities.Select(a => a.Id != activityId ? a : a with
        {
            Properties = (JsonObject)JsonNode.Parse(a.Properties.ToJsonString())!.AsObject().Also(p => p[property] = value),
        }).ToList(),
    };

    // Meaning, not formatting: the $schema hint is the file's own, not the flow's.
    private static JsonNode Normalised(string json)
    {
        var node = JsonNode.Parse(json)!.AsObject();
        node.Remove("$schema");
        return node;
    }

}

internal static class JsonObjectExtensions
{
    public static JsonObject Also(this JsonObject node, Action<JsonObject> change)
    {
        change(node);
        return node;
    }
}
