using CareFlows.Engine.Consent;
using CareFlows.Engine.Simulation;
using CareFlows.Engine.Templates;
using CareFlows.Server.Definitions;
using CareFlows.Server.Delivery;
using CareFlows.Server.Delivery.Outbox;
using Marten;

namespace CareFlows.Server.Simulation;

/// <summary>A test send: a step's email, rendered for the sample order, to whoever the marketer names.</summary>
public sealed record TestSendRequest(string? ActivityId, string? To);

/// <summary>
/// Sends one step's email of a flow's draft to an address the marketer types: rendered for the sample order with the
/// flow's own discount, subject marked "[Test]", header X-CareFlows-Test. It goes through the outbox as kind "test":
/// never to a customer, never on an instance, so it is never counted in Watch.
/// </summary>
public static class TestSendEndpoints
{
    public static IEndpointRouteBuilder MapTestSendEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/flows/{id}/test-send", SendAsync).RequireAuthorization().WithTags("Simulation")
            .WithSummary("Sends one step's email of the draft, rendered for the sample order, to the given address, marked as a test");
        return app;
    }

    private static async Task<IResult> SendAsync(string id, TestSendRequest request, IDocumentStore store, MessageRenderer renderer, EmailQueue queue,
        DispatchSignal dispatch, TimeProvider clock, ILogger<TestSendRequest> log, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request.To) || !EmailAddresses.IsValid(request.To.Trim()))
            return Results.Problem("Give the address to send the test to, e.g. you@shop.example", statusCode: 400);
        await using var session = store.LightweightSession();
        if (await session.LoadAsync<StoredFlow>(id, ct) is not { } flow) return Results.Problem($"No flow '{id}'", statusCode: 404);
        var step = flow.Draft.Activities.FirstOrDefault(a => a.Id == request.ActivityId);
        if (step is null || step.Type != "SendEmail" || step.Properties["template"]?.ToString() is not { Length: > 0 } template)
            return Results.Problem($"'{request.ActivityId}' is not a step of '{id}' that sends an email with a template", statusCode: 400);
        var now = clock.GetUtcNow();
        var to = request.To.Trim();
        RenderedEmail rendered;
        try { rendered = renderer.Render(template, SampleOrder.Create(email: to, placedAt: now), PreviewData.For(flow.Draft, now)); }
        catch (Exception e) when (e is TemplateInvalidException or TemplateNotFoundException)
        {
            return Results.Problem($"The template '{template}' does not render: {e.Message}", statusCode: 422);
        }
        var streamId = Guid.NewGuid();
        var messageId = queue.MessageIdFor(streamId, $"test.{step.Id}.1");
        queue.Queue(session, new OutboxMessage
        {
            MessageId = messageId, StreamId = streamId, StepId = $"test.{step.Id}", Template = template, Category = MessageCategory.Transactional,
            Recipient = to, Subject = $"[Test] {rendered.Subject}", HtmlBody = rendered.Html, TextBody = rendered.Text, CreatedAt = now,
            Kind = OutboxKinds.Test, Locale = rendered.Locale, TemplateVersion = rendered.Version,
        });
        await session.SaveChangesAsync(ct);
        dispatch.Notify();
        log.LogInformation("Test send of {Flow}/{Step} queued as {MessageId}", id, step.Id, messageId);
        return Results.Accepted(value: new { messageId, subject = $"[Test] {rendered.Subject}" });
    }
}
