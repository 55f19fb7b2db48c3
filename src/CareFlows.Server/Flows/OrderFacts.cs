using CareFlows.Contracts.Orders;

namespace CareFlows.Server.Flows;

/// <summary>
/// What a flow needs to know of an order to start on it: the order, and the later events already known (with their
/// reasons). Orders hand this to flows; flows never read the order's record themselves.
/// </summary>
public sealed record OrderFacts(string Id, string CustomerId, OrderPlaced Order, IReadOnlyDictionary<string, DateTimeOffset> Events,
    IReadOnlyDictionary<string, string> Reasons);
