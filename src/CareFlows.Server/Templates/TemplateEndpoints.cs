using CareFlows.Contracts.Orders;
using CareFlows.Engine.Simulation;
using CareFlows.Engine.Templates;
using CareFlows.Server.Orders;
using Marten;

namespace CareFlows.Server.Templates;

/// <summary>Preview a template for a sample order, a given order or a real past one, in any locale.</summary>
/// <summary><c>FlowId</c>: render with that flow's own discount (its draft's first IssueDiscount) instead of the sample one.</summary>
public sealed record PreviewRequest(string? Locale, OrderPlaced? Order, string? OrderId, string? FlowId = null);

public static class TemplateEndpoints
{
    public static IEndpointRouteBuilder MapTemplateEndpoints(this IEndpointRouteBuilder app)
    {
        var templates = app.MapGroup("/api/templates").RequireAuthorization().WithTags("Templates");
        templates.MapGet("", (TemplateCatalog catalog) => catalog.All()).WithSummary("Every message template and its locales");
        templates.MapPost("/{name}/preview", PreviewAsync).WithSummary("Renders a template as HTML and text; 422 with file, line and column on an error");
        return app;
    }

    private static async Task<IResult> PreviewAsync(string name, PreviewRequest request, TemplateCatalog catalog, MessageRenderer renderer,
        IQuerySession session, TimeProvider clock, CancellationToken ct)
    {
        if (!catalog.Exists(name)) return Results.Problem($"No template '{name}'", statusCode: 404);
        if (request.Locale is { Length: > 0 } asked && !LanguageTags.IsValid(asked))
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["locale"] = ["must be a language tag such as de or de-AT"] });
        if (request.Order?.Customer?.Locale is { Length: > 0 } given && !LanguageTags.IsValid(given))
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["order.customer.locale"] = ["must be a language tag such as de or de-AT"] });
        var order = request.Order;
        if (order is null && request.OrderId is { } orderId)
        {
            if (await session.LoadAsync<OrderRecord>(orderId, ct) is not { Order.OrderId.Length: > 0 } record) return Results.Problem($"No order '{orderId}'", statusCode: 404);
            order = record.Order;
        }
        order ??= SampleOrder.Create(placedAt: clock.GetUtcNow());
        if (request.Locale is { Length: > 0 } locale) order = order with { Customer = order.Customer with { Locale = locale } };
        try
        {
            var flow = request.FlowId is { Length: > 0 } flowId ? await session.LoadAsync<CareFlows.Server.Definitions.StoredFlow>(flowId, ct) : null;
            var data = flow is null ? SampleOrder.Data(clock.GetUtcNow()) : CareFlows.Server.Definitions.PreviewData.For(flow.Draft, clock.GetUtcNow());
            return Results.Ok(renderer.Render(name, order, data));
        }
        catch (Exception e) when (e is TemplateInvalidException or TemplateNotFoundException)
        {
            return Results.UnprocessableEntity(new { title = $"Template '{name}' cannot be rendered", errors = e is TemplateInvalidException invalid ? invalid.Errors : [e.Message] });
        }
    }
}
