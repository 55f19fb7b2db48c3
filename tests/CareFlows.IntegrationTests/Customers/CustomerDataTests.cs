using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CareFlows.IntegrationTests.Infrastructure;
using CareFlows.IntegrationTests.Orders;
using CareFlows.Server.Delivery;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CareFlows.IntegrationTests.Customers;

[Collection(CareFlowsCollection.Name)]
public class CustomerDataTests(CareFlowsFixture app) : IAsyncLifetime
{
    public Task InitializeAsync() => app.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task the_export_holds_what_was_stored_and_after_erasure_no_table_holds_the_address_or_name()
    {
        var order = TestOrders.New(firstName: "Quintessa") with { PlacedAt = app.Clock.GetUtcNow() };
        await app.ConsentAsync(order, "marketing");
        await app.Bus.Publish(order);
        await app.Mail.WaitForAsync(order.Customer.Email);
        await app.OutboxDrainedAsync();
        using var api = app.CreateClient();

        var export = await api.GetFromJsonAsync<JsonElement>($"/api/customers/{order.Customer.CustomerId}/export");
        export.GetProperty("addresses").EnumerateArray().Select(a => a.GetString()).ShouldBe([order.Customer.Email]);
        export.GetProperty("orders")[0].GetProperty("order").GetProperty("orderId").GetString().ShouldBe(order.OrderId);
        export.GetProperty("consentHistory").GetArrayLength().ShouldBeGreaterThan(0);
        export.GetProperty("instances")[0].GetProperty("events").GetArrayLength().ShouldBeGreaterThan(0);
        var message = export.GetProperty("messages")[0];
        message.GetProperty("template").GetString().ShouldBe("order-confirmation");
        message.GetProperty("htmlBody").GetString()!.ShouldContain("Quintessa");

        var erased = await api.PostAsync($"/api/customers/{order.Customer.CustomerId}/erase", null);
        erased.StatusCode.ShouldBe(HttpStatusCode.OK);

        foreach (var needle in new[] { order.Customer.Email, "Quintessa", order.Customer.CustomerId })
            (await TablesHoldingAsync(needle)).ShouldBeEmpty($"tables still holding '{needle}'");
        (await api.GetAsync($"/api/customers/{order.Customer.CustomerId}/export")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        // The same address, as a new customer of the shop: no marketing, by the hash kept of it.
        var gate = app.Services.GetRequiredService<ISendGate>();
        await using var session = app.Services.GetRequiredService<IDocumentStore>().QuerySession();
        var verdict = await gate.CheckAsync(session, "a-new-account", order.Customer.Email, "marketing", CancellationToken.None);
        verdict.Allowed.ShouldBeFalse();
        verdict.Reason.ShouldStartWith("address erased on request");
    }

    [Fact]
    public async Task a_customers_answers_cases_and_owner_are_exported_and_erased_with_the_rest()
    {
        var order = await CareFlows.IntegrationTests.Feedback.CheckIns.DeliveredAndCheckedInAsync(app);
        var checkIn = (await app.Mail.ToAsync(order.Customer.Email)).Single(m => m.Subject.StartsWith("How is everything"));
        var link = checkIn.Text.Split('\n').Select(l => l.Trim()).First(l => l.StartsWith("2 - ")).Split(": ", 2)[1];
        using var anonymous = app.CreateClient(apiKey: null);
        (await anonymous.PostAsync("/rate", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["token"] = System.Web.HttpUtility.ParseQueryString(new Uri(link).Query)["token"]!, ["score"] = "2", ["comment"] = "Ada's mug arrived broken",
        }))).StatusCode.ShouldBe(HttpStatusCode.OK);
        await Eventually.Until(() => app.CountAsync("select count(*) from careflows.publications where published_at is not null"), n => n == 1, "the helpdesk told");
        await app.OutboxDrainedAsync();
        using var api = app.CreateClient();

        var export = await api.GetFromJsonAsync<JsonElement>($"/api/customers/{order.Customer.CustomerId}/export");
        export.GetProperty("care").GetProperty("answers")[0].GetProperty("comment").GetString().ShouldBe("Ada's mug arrived broken");
        export.GetProperty("care").GetProperty("cases").GetArrayLength().ShouldBe(1);
        export.GetProperty("owner").GetProperty("name").GetString().ShouldNotBeNullOrEmpty();

        (await api.PostAsync($"/api/customers/{order.Customer.CustomerId}/erase", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        foreach (var needle in new[] { order.Customer.Email, "mug arrived broken", order.Customer.CustomerId })
            (await TablesHoldingAsync(needle)).ShouldBeEmpty($"tables still holding '{needle}'");
    }

    // Every table of CareFlows' schema, each row as text, searched for the needle.
    private async Task<IReadOnlyList<string>> TablesHoldingAsync(string needle)
    {
        var dataSource = app.Services.GetRequiredService<NpgsqlDataSource>();
        var tables = new List<string>();
        await using (var list = dataSource.CreateCommand("select table_name from information_schema.tables where table_schema = 'careflows' and table_type = 'BASE TABLE'"))
        await using (var reader = await list.ExecuteReaderAsync())
            while (await reader.ReadAsync()) tables.Add(reader.GetString(0));
        var holding = new List<string>();
        foreach (var table in tables)
        {
            await using var search = dataSource.CreateCommand($"select count(*) from careflows.\"{table}\" t where t::text ilike '%' || @needle || '%'");
            search.Parameters.AddWithValue("needle", needle);
            if ((long)(await search.ExecuteScalarAsync())! > 0) holding.Add(table);
        }
        return holding;
    }
}
