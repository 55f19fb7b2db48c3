using CareFlows.Engine.Templates;
using JasperFx.Events;
using Marten.Events.Aggregation;

namespace CareFlows.Server.Care;

public sealed class SupportCase
{
    public Guid Id { get; set; }
    public Guid InstanceId { get; set; }
    public string OrderId { get; set; } = "";
    public string Reason { get; set; } = "";
    public Person Owner { get; set; } = new("", "");
    public DateTimeOffset OpenedAt { get; set; }
    public DateTimeOffset? ResolvedAt { get; set; }
    public string? Note { get; set; }
    public string? ResolvedBy { get; set; }
    public bool IsOpen => ResolvedAt is null;
}

/// <summary>A customer's care history as stored: their answers, newest last, and their cases. Kept by an inline projection.</summary>
public sealed class CustomerCareFile
{
    public Guid Id { get; set; }
    public long Version { get; set; }
    public string CustomerId { get; set; } = "";
    public List<AnswerRecorded> Answers { get; set; } = [];
    public List<SupportCase> Cases { get; set; } = [];
    /// <summary>Copied out of <see cref="Cases"/> so "who has an open case" is one indexed query.</summary>
    public bool HasOpenCase { get; set; }

    public SupportCase? OpenCase => Cases.LastOrDefault(c => c.IsOpen);
}

public sealed class CustomerCareProjection : SingleStreamProjection<CustomerCareFile, Guid>
{
    public override CustomerCareFile? Evolve(CustomerCareFile? snapshot, Guid id, IEvent e)
    {
        var file = snapshot ?? new CustomerCareFile { Id = id };
        switch (e.Data)
        {
            case CareStarted started:
                file.CustomerId = started.CustomerId;
                break;
            case AnswerRecorded answer:
                file.Answers.Add(answer);
                break;
            case CaseOpened opened when file.Cases.All(c => c.Id != opened.CaseId):
                file.Cases.Add(new SupportCase { Id = opened.CaseId, InstanceId = opened.InstanceId, OrderId = opened.OrderId, Reason = opened.Reason, Owner = opened.Owner, OpenedAt = opened.At });
                break;
            case CaseResolved resolved when file.Cases.FirstOrDefault(c => c.Id == resolved.CaseId) is { IsOpen: true } open:
                open.ResolvedAt = resolved.At;
                open.Note = resolved.Note;
                open.ResolvedBy = resolved.By;
                break;
            default:
                return snapshot;
        }
        file.HasOpenCase = file.Cases.Any(c => c.IsOpen);
        return file;
    }
}
