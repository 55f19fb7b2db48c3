using System.Text.Json;
using CareFlows.Engine.Activities;
using CareFlows.Engine.Definitions;
using Marten;

namespace CareFlows.Server.Definitions;

public sealed record SaveDraftRequest(FlowDefinition Definition, int? Revision);
public sealed record PublishRequest(string? Note, int? Revision);
public sealed record RevertRequest(int Version, int? Revision);
public sealed record FlowSummary(string Id, string Name, string State, int? PublishedVersion, int LatestVersion, int Revision, DateTimeOffset UpdatedAt);
public sealed record FlowDetails(FlowSummary Flow, FlowDefinition Draft, IReadOnlyList<DefinitionFault> DraftFaults);
public sealed record ValidationResult(bool Valid, IReadOnlyList<DefinitionFault> Faults);

/// <summary>The definitions API: list, read, save drafts, validate, publish, disable, versions, export and import.</summary>
public static class DefinitionEndpoints
{
    public static IEndpointRouteBuilder MapDefinitionEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/flows/schema", () => Results.Text(DefinitionSchema.Json(), "application/schema+json"))
            .AllowAnonymous().WithSummary("The JSON Schema of flow definitions (workflows/*.json)");

        var flows = app.MapGroup("/api").RequireAuthorization().WithTags("Flows");
        flows.MapGet("/activity-types", () => ActivityCatalog.All).WithSummary("Every activity type, its properties and its ports");
        flows.MapGet("/flows", ListAsync).WithSummary("Every flow with its state and versions");
        flows.MapGet("/flows/{id}", GetAsync).WithSummary("A flow with its current draft and the draft's faults");
        flows.MapPut("/flows/{id}/draft", SaveDraftAsync).WithSummary("Saves a draft; refused with 409 when based on an old revision");
        flows.MapPost("/flows/validate", (FlowDefinition definition, DefinitionValidation validation) =>
            validation.Compile(definition) is var result ? new ValidationResult(result.IsValid, result.Faults) : null).WithSummary("Validates a definition without saving it");
        flows.MapPost("/flows/{id}/publish", PublishAsync).WithSummary("Publishes the draft as a new version; 422 with the faults when invalid");
        flows.MapPost("/flows/{id}/disable", (string id, FlowDrafts drafts, CancellationToken ct) => SetDisabled(id, true, drafts, ct)).WithSummary("Starts no new instances; running ones finish");
        flows.MapPost("/flows/{id}/enable", (string id, FlowDrafts drafts, CancellationToken ct) => SetDisabled(id, false, drafts, ct));
        flows.MapGet("/flow-templates", (FlowTemplates templates) => templates.All())
            .WithSummary("Ready-made starting points for a new flow (workflows/templates/*.json)");
        flows.MapPost("/flows/{id}/archive", async (string id, FlowDrafts drafts, CancellationToken ct) =>
                await drafts.SetArchivedAsync(id, true, ct) ? Results.NoContent() : NotFound(id))
            .WithSummary("Takes a flow out of the list and starts no new instances; its versions, instances and history stay");
        flows.MapPost("/flows/{id}/unarchive", async (string id, FlowDrafts drafts, CancellationToken ct) =>
                await drafts.SetArchivedAsync(id, false, ct) ? Results.NoContent() : NotFound(id))
            .WithSummary("Brings an archived flow back to the list, disabled");
        flows.MapGet("/flows/{id}/versions", VersionsAsync).WithSummary("Published versions, newest first");
        flows.MapGet("/flows/{id}/versions/{version:int}", VersionAsync);
        flows.MapPost("/flows/{id}/revert", RevertAsync).WithSummary("Makes a published version the draft again; publish it to make it live");
        flows.MapGet("/flows/{id}/export", ExportAsync).WithSummary("The flow as the JSON file workflows/ holds (published version, or ?draft=true)");
        flows.MapPost("/flows/import", ImportAsync).WithSummary("Imports a flow file as a draft; its faults come back with line numbers");
        return app;
    }

    private static async Task<IResult> ListAsync(IQuerySession session, CancellationToken ct) =>
        Results.Ok((await session.Query<StoredFlow>().OrderBy(f => f.Name).ToListAsync(ct)).Select(Summary));

    private static async Task<IResult> GetAsync(string id, IQuerySession session, DefinitionValidation validation, CancellationToken ct) =>
        await session.LoadAsync<StoredFlow>(id, ct) is { } flow
            ? Results.Ok(new FlowDetails(Summary(flow), flow.Draft, flow.DraftFaults ?? validation.Compile(flow.Draft).Faults))
            : NotFound(id);

    private static async Task<IResult> SaveDraftAsync(string id, SaveDraftRequest request, FlowDrafts drafts, CancellationToken ct)
    {
        if (request.Definition.Id != id) return Results.Problem($"The definition's id '{request.Definition.Id}' is not '{id}'", statusCode: 400);
        var result = await drafts.SaveAsync(request.Definition, request.Revision, ct);
        return result.Outcome == DraftOutcome.Conflict
            ? Results.Problem($"Someone saved this flow since you opened it (now at revision {result.Revision}). Reload it to see their changes.", statusCode: 409, title: "Edited by someone else")
            : Results.Ok(new { revision = result.Revision, faults = result.Faults });
    }

    private static async Task<IResult> PublishAsync(string id, PublishRequest request, IQuerySession session, FlowPublisher publisher, CancellationToken ct)
    {
        if (await session.LoadAsync<StoredFlow>(id, ct) is not { } flow) return NotFound(id);
        if (request.Revision is { } revision && revision != flow.Revision)
            return Results.Problem($"The draft changed since you opened it (now at revision {flow.Revision}).", statusCode: 409, title: "Edited by someone else");
        // A version is a promise to customers: it says what changed, and it changes something.
        if (string.IsNullOrWhiteSpace(request.Note))
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["note"] = ["Say what this version changes: the note is kept in the flow's history."] });
        if (flow.PublishedVersion is not null
            && await session.LoadAsync<FlowVersion>(FlowVersion.IdFor(id, flow.LatestVersion), ct) is { } latest
            && SameMeaning(latest.Definition, flow.Draft))
            return Results.Problem($"The draft is the same as version {flow.LatestVersion}: there is nothing new to publish.", statusCode: 422, title: "Nothing changed");
        var outcome = await publisher.PublishAsync(flow.Draft, request.Note ?? "", keepVersionNumber: false, ct);
        return outcome.Published
            ? Results.Ok(new { version = outcome.Version })
            : Results.UnprocessableEntity(new { title = "The flow has faults and cannot be published", faults = outcome.Faults });
    }

    // What a flow does, without where its boxes sit on the canvas or which version number it carries.
    private static bool SameMeaning(FlowDefinition a, FlowDefinition b)
    {
        static string Meaning(FlowDefinition d) => DefinitionJson.Serialize(d with
        {
            Version = 0,
            Activities = d.Activities.Select(x => x with { Position = null }).ToList(),
        });
        return Meaning(a) == Meaning(b);
    }

    private static async Task<IResult> SetDisabled(string id, bool disabled, FlowDrafts drafts, CancellationToken ct) =>
        await drafts.SetDisabledAsync(id, disabled, ct) ? Results.NoContent() : NotFound(id);

    private static async Task<IResult> VersionsAsync(string id, IQuerySession session, CancellationToken ct) =>
        Results.Ok((await session.Query<FlowVersion>().Where(v => v.FlowId == id).OrderByDescending(v => v.Version).ToListAsync(ct))
            .Select(v => new { v.Version, v.Note, v.PublishedAt }));

    private static async Task<IResult> VersionAsync(string id, int version, IQuerySession session, CancellationToken ct) =>
        await session.LoadAsync<FlowVersion>(FlowVersion.IdFor(id, version), ct) is { } v ? Results.Ok(v) : NotFound($"{id} v{version}");

    private static async Task<IResult> RevertAsync(string id, RevertRequest request, IQuerySession session, FlowDrafts drafts, CancellationToken ct)
    {
        if (await session.LoadAsync<FlowVersion>(FlowVersion.IdFor(id, request.Version), ct) is not { } version) return NotFound($"{id} v{request.Version}");
        var result = await drafts.SaveAsync(version.Definition, request.Revision, ct);
        return result.Outcome == DraftOutcome.Conflict
            ? Results.Problem($"Someone saved this flow since you opened it (now at revision {result.Revision}). Reload it, then revert.", statusCode: 409, title: "Edited by someone else")
            : Results.Ok(new { revision = result.Revision, faults = result.Faults });
    }

    private static async Task<IResult> ExportAsync(string id, bool? draft, IQuerySession session, CancellationToken ct)
    {
        if (await session.LoadAsync<StoredFlow>(id, ct) is not { } flow) return NotFound(id);
        var definition = draft == true || flow.PublishedVersion is null
            ? flow.Draft
            : (await session.LoadAsync<FlowVersion>(FlowVersion.IdFor(id, flow.PublishedVersion.Value), ct))!.Definition;
        return Results.File(System.Text.Encoding.UTF8.GetBytes(DefinitionJson.Serialize(definition)), "application/json", $"{id}.json");
    }

    private static async Task<IResult> ImportAsync(HttpRequest request, FlowDrafts drafts, IQuerySession session, CancellationToken ct)
    {
        if (!request.HasJsonContentType())
            return Results.Problem("Send the flow file as application/json.", statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Not JSON");
        using var reader = new StreamReader(request.Body);
        var parsed = DefinitionJson.Parse(await reader.ReadToEndAsync(ct), "upload");
        if (parsed.Definition is not { } definition) return Results.UnprocessableEntity(new { title = "The file is not a flow definition", faults = parsed.Faults });
        var existing = await session.LoadAsync<StoredFlow>(definition.Id, ct);
        var result = await drafts.SaveAsync(definition, existing?.Revision, ct);
        return Results.Ok(new { id = definition.Id, revision = result.Revision, faults = result.Faults });
    }

    private static FlowSummary Summary(StoredFlow f) => new(f.Id, f.Name, f.StateName(), f.PublishedVersion, f.LatestVersion, f.Revision, f.UpdatedAt);

    private static IResult NotFound(string what) => Results.Problem($"No flow {what}", statusCode: 404);
}
