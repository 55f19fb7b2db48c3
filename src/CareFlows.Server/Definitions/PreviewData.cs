using CareFlows.Engine.Definitions;
using CareFlows.Engine.Simulation;
using CareFlows.Engine.Timing;

namespace CareFlows.Server.Definitions;

/// <summary>
/// The flow data a preview renders with: the flow's own discount (its first IssueDiscount's value, kind and validity)
/// rather than the template's sample one, so a marketer sees the offer the flow really makes.
/// </summary>
public static class PreviewData
{
    public static IReadOnlyDictionary<string, object?> For(FlowDefinition flow, DateTimeOffset now)
    {
        var data = new Dictionary<string, object?>(SampleOrder.Data(now));
        var discount = flow.Activities.FirstOrDefault(a => a.Type == "IssueDiscount");
        if (discount?.Properties is { } p && p["value"]?.GetValueKind() == System.Text.Json.JsonValueKind.Number)
        {
            var validFor = IsoDuration.TryParse(p["validFor"]?.ToString() ?? "", out var d) ? d : TimeSpan.FromDays(30);
            data["discount"] = new Dictionary<string, object?>
            {
                ["code"] = $"{p["prefix"]?.ToString() ?? "CARE"}-TEST-0000-0000-0000",
                ["value"] = p["value"]!.GetValue<decimal>(),
                ["kind"] = p["kind"]?.ToString() ?? "percent",
                ["expires_at"] = now + validFor,
            };
        }
        return data;
    }
}
