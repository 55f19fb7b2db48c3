using CareFlows.Contracts.Orders;
using Marten;

namespace CareFlows.Server.Delivery;

public sealed record SendVerdict(bool Allowed, string Reason)
{
    public static readonly SendVerdict Yes = new(true, "allowed");
}

/// <summary>
/// Asked at the moment a step sends, not when the flow started: whoever opts out on day 3 gets nothing on day 14.
/// This is where consent plugs in (issue #4). A "no" is recorded on the instance as EmailSkipped with its reason,
/// and the flow goes on.
/// </summary>
public interface ISendGate
{
    Task<SendVerdict> CheckAsync(IQuerySession session, OrderPlaced order, string category, CancellationToken ct);
}

/// <summary>Until consent is modelled, everything may be sent.</summary>
public sealed class AllowEverything : ISendGate
{
    public Task<SendVerdict> CheckAsync(IQuerySession session, OrderPlaced order, string category, CancellationToken ct) => Task.FromResult(SendVerdict.Yes);
}
