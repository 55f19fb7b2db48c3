using CareFlows.Contracts.Orders;
using CareFlows.Engine.Consent;
using CareFlows.Engine.Definitions;
using CareFlows.Engine.Simulation;
using CareFlows.Engine.Templates;
using CareFlows.Engine.Timing;
using CareFlows.Server.Definitions;

namespace CareFlows.Server.Simulation;

/// <summary>An event to inject: its name, how long after the order it arrives (ISO-8601), and a reason.</summary>
public sealed record SimulatedEvent(string Event, string After, string? Reason = null);

/// <summary>The simulated customer's consent: true or false as they chose, null for the shop's default (Consent:Defaults).</summary>
public sealed record SimulatedConsent(bool? Service, bool? Marketing);

/// <summary>Simulate a definition (as given, or a stored flow's draft or version) for an order (or the sample order) and a customer profile.</summary>
public sealed record SimulationRequest(
    FlowDefinition? Definition, string? FlowId, int? Version, OrderPlaced? Order, IReadOnlyList<SimulatedEvent>? Events, int? CustomerOrderCount,
    SimulatedConsent? Consent = null);

public static class SimulationEndpoints
{
    // The profile's choice where it made one, else the shop's default, worded as the server's skip reasons are.
    private static Func<string, SendPermission> ConsentOf(SimulatedConsent? profile, ConsentPolicy policy) => category =>
        (category == ConsentCategories.Service ? profile?.Service : category == ConsentCategories.Marketing ? profile?.Marketing : null) switch
        {
            true => new SendPermission(true, $"opted in to {category} (simulation profile)"),
            false => new SendPermission(false, $"no {category} consent (the profile opted out)"),
            null => policy.Check(null, Channels.Email, category),
        };

    public static IEndpointRouteBuilder MapSimulationEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/simulate", SimulateAsync).RequireAuthorization().WithTags("Simulation")
            .WithSummary("Runs a flow on a virtual clock and returns its timeline, with each email rendered");
        app.MapGet("/api/simulate/consent-defaults", (ConsentPolicy policy) => new SimulatedConsent(policy.DefaultFor(ConsentCategories.Service), policy.DefaultFor(ConsentCategories.Marketing)))
            .RequireAuthorization().WithTags("Simulation").WithSummary("The consent a customer who never chose has (Consent:Defaults), for the simulation's profile");
        app.MapGet("/api/simulate/sample-order", (TimeProvider clock) => SampleOrder.Create(placedAt: clock.GetUtcNow()))
            .RequireAuthorization().WithTags("Simulation").WithSummary("A sample order to simulate with, to edit or use as it is");
        return app;
    }

    private static async Task<IResult> SimulateAsync(SimulationRequest request, FlowCatalog catalog, DefinitionValidation validation,
        MessageRenderer renderer, ShopOptions shop, ConsentPolicy policy, Delivery.Caps.FrequencyCap cap, Marten.IQuerySession session, TimeProvider clock, CancellationToken ct)
    {
        CompiledFlow flow;
        if (request.Definition is { } definition)
        {
            var compiled = validation.Compile(definition);
            if (!compiled.IsValid) return Results.UnprocessableEntity(new { title = "The flow has faults", faults = compiled.Faults });
            flow = compiled.Flow!;
        }
        else if (request is { FlowId: { } id, Version: { } version })
        {
            if (!await catalog.HasVersionAsync(id, version, ct)) return Results.Problem($"Flow '{id}' has no version {version}", statusCode: 404);
            flow = await catalog.VersionAsync(id, version, ct);
        }
        else return Results.Problem("Give a definition, or a flowId with a version", statusCode: 400);

        var events = new List<ScriptedEvent>();
        foreach (var e in request.Events ?? [])
        {
            if (!IsoDuration.TryParse(e.After, out var after)) return Results.Problem($"'{e.After}' is not an ISO-8601 duration (event {e.Event})", statusCode: 400);
            events.Add(new ScriptedEvent(e.Event, after, e.Reason));
        }
        var order = request.Order ?? SampleOrder.Create(placedAt: clock.GetUtcNow());
        var settings = await cap.SettingsAsync(session, ct);
        return Results.Ok(Simulator.Run(flow, order, events, renderer, shop.DefaultTimeZone, request.CustomerOrderCount ?? 1, consent: ConsentOf(request.Consent, policy),
            marketingCap: settings.IsOff ? null : (settings.Messages, settings.Period)));
    }
}
