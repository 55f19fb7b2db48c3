using CareFlows.Engine.Runtime;
using CareFlows.Engine.Templates;
using Marten;

namespace CareFlows.Server.Care;

/// <summary>An answer to a flow's message, with the instance it belongs to.</summary>
public sealed record CareAnswer(Guid InstanceId, InstanceState Instance, string MessageId, string ActivityId, int? Score, string? Comment, string? Reply, string Source);

/// <summary>Who speaks for the shop to this customer now, and their open case (if any).</summary>
public sealed record CareContext(Person? Owner, Guid? CaseId);

public enum ResolveResult { Resolved, AlreadyResolved, NotFound }

public sealed record Resolution(ResolveResult Result, Guid? InstanceId);

/// <summary>
/// Writes a customer's care stream inside the caller's unit of work: each answer, and a case when an answer needs a
/// person (a rating at or below Team:CaseAtOrBelow, or any reply) and none is open. The customer's owner is assigned
/// when their first case opens and stays theirs. Appends at the version read, so two answers at once do not open two cases.
/// </summary>
public sealed class CareRecords(Owners owners, TeamOptions team)
{
    public async Task<CareContext> RecordAnswerAsync(IDocumentSession session, CareAnswer answer, DateTimeOffset now, CancellationToken ct)
    {
        var order = answer.Instance.Order;
        var customerId = order.Customer.CustomerId;
        var stream = await session.Events.FetchForWriting<CustomerCareFile>(CareStreamId.For(customerId), ct);
        var events = new List<object>();
        if (stream.Aggregate is null) events.Add(new CareStarted(customerId, now));
        events.Add(new AnswerRecorded(customerId, answer.InstanceId, answer.Instance.FlowId, answer.Instance.FlowVersion, order.OrderId, order.OrderNumber,
            order.Lines.Select(l => l.Sku).Distinct().ToList(), answer.MessageId, answer.ActivityId, answer.Score, answer.Comment, answer.Reply, answer.Source, now));
        var context = stream.Aggregate?.OpenCase is { } open ? new CareContext(open.Owner, open.Id) : null;
        if (context is null && NeedsPerson(answer))
        {
            var owner = await owners.EnsureAsync(session, customerId, order.Customer.Locale, now, ct);
            var caseId = CareStreamId.CaseFor(answer.InstanceId, answer.MessageId);
            events.Add(new CaseOpened(caseId, answer.InstanceId, order.OrderId, answer.Reply is not null ? "the customer replied" : $"rated {answer.Score} of 5", owner, now));
            context = new CareContext(owner, caseId);
        }
        stream.AppendMany(events);
        return context ?? new CareContext(await owners.OfAsync(session, customerId, ct), null);
    }

    /// <summary>The customer's owner and open case, as committed.</summary>
    public async Task<CareContext> ContextAsync(IQuerySession session, string customerId, CancellationToken ct)
    {
        // One round trip: a step that sends an email asks this, and most steps send one.
        var batch = session.CreateBatchQuery();
        var file = batch.Load<CustomerCareFile>(CareStreamId.For(customerId));
        var owner = batch.Load<CustomerOwner>(customerId);
        await batch.Execute(ct);
        return new CareContext(Owners.AsPerson(await owner), (await file)?.OpenCase?.Id);
    }

    public async Task<Resolution> ResolveAsync(IDocumentSession session, string customerId, Guid caseId, string note, string by, DateTimeOffset now, CancellationToken ct)
    {
        var stream = await session.Events.FetchForWriting<CustomerCareFile>(CareStreamId.For(customerId), ct);
        if (stream.Aggregate?.Cases.FirstOrDefault(c => c.Id == caseId) is not { } found) return new(ResolveResult.NotFound, null);
        if (!found.IsOpen) return new(ResolveResult.AlreadyResolved, found.InstanceId);
        stream.AppendOne(new CaseResolved(caseId, note, by, now));
        return new(ResolveResult.Resolved, found.InstanceId);
    }

    private bool NeedsPerson(CareAnswer answer) => answer.Reply is not null || answer.Score <= team.CaseAtOrBelow;
}
