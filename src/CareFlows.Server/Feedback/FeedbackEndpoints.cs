using System.Globalization;
using System.Text;
using CareFlows.Server.Care;
using Marten;

namespace CareFlows.Server.Feedback;

public sealed record ResolveCase(string? Note, string? By);

/// <summary>What customers said and the cases it opened: for the designer's Feedback view, a helpdesk and CSV.</summary>
public static class FeedbackEndpoints
{
    public static IEndpointRouteBuilder MapFeedbackEndpoints(this IEndpointRouteBuilder app)
    {
        var feedback = app.MapGroup("/api/feedback").RequireAuthorization().WithTags("Feedback");
        feedback.MapGet("", SummaryAsync).WithSummary("Score distribution and average by week, latest answers, open cases and time to resolve; ?days=30&flowId=&sku=");
        feedback.MapGet("/answers.csv", CsvAsync).WithSummary("Every answer in the period as CSV; ?days=30&flowId=&sku=");
        var customers = app.MapGroup("/api/customers/{customerId}").RequireAuthorization().WithTags("Feedback");
        customers.MapGet("/care", CareAsync).WithSummary("A customer's owner, answers and cases");
        customers.MapPost("/cases/{caseId:guid}/resolve", ResolveAsync).WithSummary("Resolves a case with a note; the flow waiting for it moves on");
        return app;
    }

    private static (DateTimeOffset Since, DateTimeOffset Until)? Period(int? days, TimeProvider clock) =>
        days is < 1 or > 366 ? null : (clock.GetUtcNow().AddDays(-(days ?? 30)), clock.GetUtcNow().AddSeconds(1));

    private static async Task<IResult> SummaryAsync(int? days, string? flowId, string? sku, FeedbackReport report, TimeProvider clock, CancellationToken ct) =>
        Period(days, clock) is not { } p ? Results.Problem("days is between 1 and 366", statusCode: 400)
            : Results.Ok(await report.SummaryAsync(p.Since, p.Until, Blank(flowId), Blank(sku), ct));

    private static async Task<IResult> CsvAsync(int? days, string? flowId, string? sku, FeedbackReport report, TimeProvider clock, CancellationToken ct)
    {
        if (Period(days, clock) is not { } p) return Results.Problem("days is between 1 and 366", statusCode: 400);
        var csv = new StringBuilder("at,customer_id,flow,version,order,skus,score,comment,reply,source\r\n");
        foreach (var a in await report.AnswersAsync(p.Since, p.Until, Blank(flowId), Blank(sku), ct))
            csv.AppendJoin(',', a.At.ToString("O", CultureInfo.InvariantCulture), Cell(a.CustomerId), Cell(a.FlowId), a.FlowVersion, Cell(a.OrderNumber),
                Cell(string.Join(' ', a.Skus)), a.Score?.ToString(CultureInfo.InvariantCulture) ?? "", Cell(a.Comment), Cell(a.Reply), Cell(a.Source)).Append("\r\n");
        return Results.File(Encoding.UTF8.GetBytes(csv.ToString()), "text/csv; charset=utf-8", "feedback.csv");
    }

    private static async Task<IResult> CareAsync(string customerId, IQuerySession session, Owners owners, CancellationToken ct)
    {
        var file = await session.LoadAsync<CustomerCareFile>(CareStreamId.For(customerId), ct);
        var owner = await owners.OfAsync(session, customerId, ct);
        return file is null && owner is null ? Results.Problem($"No answers or cases for customer '{customerId}'", statusCode: 404)
            : Results.Ok(new { customerId, owner, answers = file?.Answers ?? [], cases = file?.Cases ?? [] });
    }

    private static async Task<IResult> ResolveAsync(string customerId, Guid caseId, ResolveCase body, CaseResolutions cases, HttpContext http, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(body.Note)) return Results.Problem("note is required: say how the case was put right", statusCode: 400);
        var by = string.IsNullOrWhiteSpace(body.By) ? http.User.Identity?.Name ?? "designer" : body.By.Trim();
        return await cases.ResolveAsync(customerId, caseId, body.Note.Trim(), by, ct) switch
        {
            ResolveResult.NotFound => Results.Problem($"Customer '{customerId}' has no case {caseId}", statusCode: 404),
            var result => Results.Ok(new { caseId, status = result == ResolveResult.Resolved ? "resolved" : "already resolved" }),
        };
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    // RFC 4180 quoting, and a leading =, +, - or @ defused so a spreadsheet does not run a customer's comment as a formula.
    private static string Cell(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        if (text[0] is '=' or '+' or '-' or '@') text = "'" + text;
        return text.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? $"\"{text.Replace("\"", "\"\"")}\"" : text;
    }
}
