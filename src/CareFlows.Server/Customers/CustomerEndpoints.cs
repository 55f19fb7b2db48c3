namespace CareFlows.Server.Customers;

/// <summary>The customer's rights over their data (GDPR articles 15, 17 and 20): a copy of everything held, and erasure.</summary>
public static class CustomerEndpoints
{
    public static IServiceCollection AddCustomers(this IServiceCollection services) => services.AddSingleton<CustomerData>();

    public static IEndpointRouteBuilder MapCustomerEndpoints(this IEndpointRouteBuilder app)
    {
        var customers = app.MapGroup("/api/customers/{customerId}").RequireAuthorization().WithTags("Customers");
        customers.MapGet("/export", async (string customerId, CustomerData data, TimeProvider clock, CancellationToken ct) =>
                await data.ExportAsync(customerId, clock.GetUtcNow(), ct) is { } export ? Results.Ok(export) : Results.Problem($"CareFlows holds nothing about customer '{customerId}'", statusCode: 404))
            .WithSummary("Everything CareFlows holds about a customer: consent history, orders, flow instances, messages with their content, discount codes");
        customers.MapPost("/erase", async (string customerId, CustomerData data, TimeProvider clock, ILogger<CustomerData> log, CancellationToken ct) =>
            {
                if (await data.EraseAsync(customerId, clock.GetUtcNow(), ct) is not { } record)
                    return Results.Problem($"CareFlows holds nothing about customer '{customerId}'", statusCode: 404);
                log.LogInformation("Erased a customer's data (erasure record {ErasureId}): {Orders} order(s), {Instances} instance(s), {Messages} message(s)",
                    record.Id[..16], record.Orders, record.Instances, record.Messages);
                return Results.Ok(record);
            })
            .WithSummary("Erases a customer's personal data; keeps a hash of their address so it gets no further marketing, and a record of the erasure");
        return app;
    }
}
