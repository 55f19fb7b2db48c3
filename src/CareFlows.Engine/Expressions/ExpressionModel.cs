using CareFlows.Contracts.Orders;
using CareFlows.Engine.Runtime;
using CareFlows.Engine.Templates;
using Scriban.Runtime;

namespace CareFlows.Engine.Expressions;

/// <summary>What conditions and filters can read: the order, the customer (with their order count), the flow's data, the events seen and the latest feedback.</summary>
public static class ExpressionModel
{
    public static ScriptObject For(OrderPlaced order, int customerOrderCount, IReadOnlyDictionary<string, object?> data, IEnumerable<string> observedEvents,
        IReadOnlyDictionary<string, object?>? feedback = null)
    {
        var observed = observedEvents.ToHashSet();
        return new ScriptObject
        {
            ["order"] = new ScriptObject
            {
                ["id"] = order.OrderId,
                ["number"] = order.OrderNumber,
                ["total"] = order.Total,
                ["currency"] = order.Currency,
                ["shipping_country"] = order.ShippingCountry ?? "",
                ["line_count"] = order.Lines.Count,
                ["item_count"] = order.Lines.Sum(l => l.Quantity),
                ["skus"] = order.Lines.Select(l => l.Sku).ToList(),
                ["discount_codes"] = order.DiscountCodes.ToList(),
                ["shipped"] = observed.Contains("OrderShipped"),
                ["delivered"] = observed.Contains("OrderDelivered"),
                ["cancelled"] = observed.Contains("OrderCancelled"),
                ["refunded"] = observed.Contains("OrderRefunded"),
            },
            ["customer"] = new ScriptObject
            {
                ["id"] = order.Customer.CustomerId,
                ["email"] = order.Customer.Email,
                ["first_name"] = order.Customer.FirstName,
                ["locale"] = order.Customer.Locale,
                ["time_zone"] = order.Customer.TimeZone,
                ["order_count"] = customerOrderCount,
                ["is_first_order"] = customerOrderCount <= 1,
            },
            ["data"] = ScriptValues.From(data),
            ["feedback"] = ScriptValues.From(feedback ?? InstanceState.FeedbackModel(null)),
        };
    }
}
