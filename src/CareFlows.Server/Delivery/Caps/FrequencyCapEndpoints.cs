using Marten;

namespace CareFlows.Server.Delivery.Caps;

public sealed record FrequencyCapView(int Messages, double PeriodHours, bool Stored);

/// <summary>The marketing frequency cap as the designer shows and changes it.</summary>
public static class FrequencyCapEndpoints
{
    public static IEndpointRouteBuilder MapFrequencyCapEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/settings/frequency-cap").RequireAuthorization().WithTags("Settings");
        group.MapGet("", async (IQuerySession session, FrequencyCap cap, CancellationToken ct) => View(await cap.SettingsAsync(session, ct)))
            .WithSummary("At most N marketing messages per customer per period, across flows");
        group.MapPut("", async (FrequencyCapView body, IDocumentStore store, TimeProvider clock, CancellationToken ct) =>
        {
            if (body.Messages < 0 || body.PeriodHours < 0 || body.PeriodHours > 24 * 90)
                return Results.Problem("messages is 0 (no cap) or more; periodHours is between 0 and 2160 (90 days)", statusCode: 400);
            var settings = new FrequencyCapSettings { Messages = body.Messages, Period = TimeSpan.FromHours(body.PeriodHours), ChangedAt = clock.GetUtcNow() };
            await using var session = store.LightweightSession();
            session.Store(settings);
            await session.SaveChangesAsync(ct);
            return Results.Ok(View(settings));
        }).WithSummary("Changes the cap for every flow; 0 messages turns it off");
        return app;
    }

    private static FrequencyCapView View(FrequencyCapSettings s) => new(s.Messages, s.Period.TotalHours, s.ChangedAt is not null);
}
