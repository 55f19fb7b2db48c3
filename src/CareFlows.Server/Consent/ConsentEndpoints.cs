using CareFlows.Engine.Consent;
using JasperFx.Events;
using Marten;

namespace CareFlows.Server.Consent;

public sealed record ConsentChoice(bool OptedIn, string Source, DateTimeOffset? At, bool IsDefault, bool AwaitingConfirmation);
public sealed record PreferencesView(string CustomerId, string Email, IReadOnlyDictionary<string, ConsentChoice> Categories, string? Bounced);
public sealed record HistoryEntry(long Version, string Event, DateTimeOffset At, DateTimeOffset RecordedAt, object Details);
public sealed record ChangeConsentRequest(string Category, bool OptedIn, string? Email, string? Channel, string? Source, DateTimeOffset? ChangedAt);
public sealed record UnsubscribeAllRequest(string? Source, string? Channel);
public sealed record ConsentChangeResponse(string Outcome, PreferencesView Preferences);

/// <summary>The consent API for the shop and for admins: current preferences, full history, changes.</summary>
public static class ConsentEndpoints
{
    public static IEndpointRouteBuilder MapConsentEndpoints(this IEndpointRouteBuilder app)
    {
        var consent = app.MapGroup("/api/customers/{customerId}/consent").RequireAuthorization().WithTags("Consent");
        consent.MapGet("", GetAsync).WithSummary("A customer's current email preferences (404 when they never decided: the defaults apply)");
        consent.MapGet("/history", HistoryAsync).WithSummary("Every consent decision of a customer, oldest first, with its source and time");
        consent.MapPut("", ChangeAsync).WithSummary("Opts a customer in to or out of a category");
        consent.MapPost("/unsubscribe-all", UnsubscribeAllAsync).WithSummary("Withdraws every category at once");
        return app;
    }

    public static PreferencesView View(string customerId, CustomerConsentState? state, ConsentPolicy policy) => new(
        customerId, state?.Email ?? "",
        ConsentCategories.Optional.ToDictionary(c => c, c => state?.DecisionFor(Channels.Email, c) is { } d
            ? new ConsentChoice(d.OptedIn, d.Source, d.At, false, state.Pending.ContainsKey(CustomerConsentState.Key(Channels.Email, c)))
            : new ConsentChoice(policy.DefaultFor(c), "default", null, true, state?.Pending.ContainsKey(CustomerConsentState.Key(Channels.Email, c)) == true)),
        state?.Bounced is { } b ? $"{b.Email} bounced on {b.At:yyyy-MM-dd}: {b.Reason}" : null);

    private static async Task<IResult> GetAsync(string customerId, IQuerySession session, ConsentPolicy policy, CancellationToken ct) =>
        await session.LoadAsync<CustomerConsent>(ConsentStreamId.For(customerId), ct) is { } consent
            ? Results.Ok(View(customerId, consent.State, policy))
            : NoRecord(customerId, policy);

    private static async Task<IResult> HistoryAsync(string customerId, IQuerySession session, ConsentPolicy policy, CancellationToken ct)
    {
        var events = await session.Events.FetchStreamAsync(ConsentStreamId.For(customerId), token: ct);
        if (events.Count == 0) return NoRecord(customerId, policy);
        return Results.Ok(events.Where(e => e.Data is IConsentEvent).Select(Entry));
    }

    private static HistoryEntry Entry(IEvent e) =>
        new(e.Version, e.Data.GetType().Name, ((IConsentEvent)e.Data).At, e.Timestamp, e.Data);

    private static async Task<IResult> ChangeAsync(string customerId, ChangeConsentRequest request, ConsentChanges changes, IQuerySession session,
        ConsentPolicy policy, ConsentOptions options, TimeProvider clock, CancellationToken ct)
    {
        var faults = ConsentValidation.Faults(customerId, request.Email, request.Channel ?? Channels.Email, request.Category, request.ChangedAt ?? clock.GetUtcNow(),
            request.Source, clock.GetUtcNow(), options.MaxClockSkew);
        if (faults.Count > 0) return Results.ValidationProblem(new Dictionary<string, string[]> { ["consent"] = [.. faults] });
        var result = await changes.ApplyAsync(new ChangeConsent(customerId, request.Email, request.Channel ?? Channels.Email, request.Category, request.OptedIn,
            request.Source ?? ConsentSources.Api, request.ChangedAt ?? clock.GetUtcNow()), ct);
        return await Changed(customerId, result, session, policy, ct);
    }

    private static async Task<IResult> UnsubscribeAllAsync(string customerId, UnsubscribeAllRequest? request, ConsentChanges changes, IQuerySession session,
        ConsentPolicy policy, TimeProvider clock, CancellationToken ct)
    {
        if (ConsentValidation.SourceFaults(request?.Source) is { Count: > 0 } faults)
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["source"] = [.. faults] });
        var result = await changes.ApplyAsync(new UnsubscribeAll(customerId, request?.Channel ?? Channels.Email, request?.Source ?? ConsentSources.Api, null, clock.GetUtcNow()), ct);
        return await Changed(customerId, result, session, policy, ct);
    }

    private static async Task<IResult> Changed(string customerId, ConsentResult result, IQuerySession session, ConsentPolicy policy, CancellationToken ct)
    {
        var consent = await session.LoadAsync<CustomerConsent>(ConsentStreamId.For(customerId), ct);
        return Results.Ok(new ConsentChangeResponse(result.Outcome.ToString(), View(customerId, consent?.State, policy)));
    }

    private static IResult NoRecord(string customerId, ConsentPolicy policy) => Results.Problem(
        title: "No consent record",
        detail: $"Customer '{customerId}' has never made a consent decision; the shop's defaults apply: " +
                string.Join(", ", ConsentCategories.Optional.Select(c => $"{c} {(policy.DefaultFor(c) ? "yes" : "no")}")),
        statusCode: StatusCodes.Status404NotFound);
}
