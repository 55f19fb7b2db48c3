using CareFlows.Contracts.Feedback;
using CareFlows.Server.Hosting;
using MassTransit;

namespace CareFlows.Server.Feedback;

/// <summary>A helpdesk closed the ticket: the case is resolved as if its owner had done it in the designer.</summary>
public sealed class CustomerCaseResolvedConsumer(CaseResolutions cases) : IConsumer<CustomerCaseResolved>
{
    public async Task Consume(ConsumeContext<CustomerCaseResolved> context)
    {
        var m = context.Message;
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(m.CustomerId)) problems.Add("customerId is missing");
        if (!Guid.TryParse(m.CaseId, out var caseId)) problems.Add("caseId is not a case id");
        if (problems.Count > 0) throw new InvalidMessageException(nameof(CustomerCaseResolved), problems);
        await cases.ResolveAsync(m.CustomerId, caseId, m.Note, string.IsNullOrWhiteSpace(m.ResolvedBy) ? "helpdesk" : m.ResolvedBy, context.CancellationToken);
    }
}
