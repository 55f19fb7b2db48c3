using CareFlows.Contracts.Orders;
using CareFlows.Engine.Consent;
using CareFlows.Engine.Templates;

using CareFlows.Server.Hosting;

namespace CareFlows.Server.Orders;

/// <summary>What an order event needs before any flow may act on it; each fault names the field.</summary>
public static class OrderValidation
{
    public static IReadOnlyList<string> Faults(OrderPlaced order)
    {
        var faults = new List<string>();
        if (string.IsNullOrWhiteSpace(order.OrderId)) faults.Add("orderId is missing");
        if (string.IsNullOrWhiteSpace(order.OrderNumber)) faults.Add("orderNumber is missing");
        if (order.Customer is null) faults.Add("customer is missing");
        else
        {
            if (string.IsNullOrWhiteSpace(order.Customer.CustomerId)) faults.Add("customer.customerId is missing");
            if (string.IsNullOrWhiteSpace(order.Customer.Email)) faults.Add("customer.email is missing");
            else if (!EmailAddresses.IsValid(order.Customer.Email)) faults.Add("customer.email is not an email address");
            if (!string.IsNullOrEmpty(order.Customer.Locale) && !LanguageTags.IsValid(order.Customer.Locale))
                faults.Add("customer.locale must be a language tag such as de or de-AT");
        }
        if (order.Currency is not { Length: 3 } || !order.Currency.All(char.IsAsciiLetter)) faults.Add("currency must be an ISO 4217 code such as EUR");
        if (order.Lines is null) faults.Add("lines is missing");
        return faults;
    }

    public static void ThrowIfInvalid(OrderPlaced order)
    {
        var faults = Faults(order);
        if (faults.Count > 0) throw new InvalidMessageException(nameof(OrderPlaced), faults);
    }
}
