using CareFlows.Server.Care;
using CareFlows.Server.Consent;
using CareFlows.Server.Discounts;
using CareFlows.Server.Orders;

namespace CareFlows.Server.Customers;

public sealed record CustomerExport(
    string CustomerId, DateTimeOffset ExportedAt, IReadOnlyList<string> Addresses, CustomerConsent? Consent, IReadOnlyList<object> ConsentHistory,
    IReadOnlyList<OrderRecord> Orders, IReadOnlyList<ExportedInstance> Instances, IReadOnlyList<ExportedMessage> Messages, IReadOnlyList<DiscountCode> DiscountCodes,
    CustomerCareFile? Care, CustomerOwner? Owner);
