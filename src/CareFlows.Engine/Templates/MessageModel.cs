using CareFlows.Contracts.Orders;
using Scriban.Runtime;

namespace CareFlows.Engine.Templates;

/// <summary>
/// What a template can see, and nothing else: the customer, the order, the shop, the flow's data, the customer's
/// latest feedback and owner, and a few formatting functions. Names are snake_case, as Scriban writes them.
/// </summary>
public static class MessageModel
{
    public static ScriptObject For(OrderPlaced order, ShopOptions shop, LocaleFormats formats, IReadOnlyDictionary<string, object?>? data, MessageLinks links,
        IReadOnlyDictionary<string, object?>? feedback = null, Person? owner = null)
    {
        var model = new ScriptObject
        {
            ["customer"] = new ScriptObject
            {
                ["id"] = order.Customer.CustomerId,
                ["email"] = order.Customer.Email,
                ["first_name"] = order.Customer.FirstName ?? "", // "" when the shop has none: templates leave the greeting's name out
                ["locale"] = formats.Culture.Name,
            },
            ["order"] = new ScriptObject
            {
                ["id"] = order.OrderId,
                ["number"] = order.OrderNumber,
                ["placed_at"] = order.PlacedAt,
                ["total"] = order.Total,
                ["currency"] = order.Currency,
                ["shipping_country"] = order.ShippingCountry,
                ["lines"] = order.Lines.Select(Line).ToList(),
            },
            ["shop"] = new ScriptObject
            {
                ["name"] = shop.Name,
                ["website_url"] = shop.WebsiteUrl,
                ["logo_url"] = shop.LogoUrl,
                ["primary_color"] = shop.PrimaryColor,
                ["support_email"] = shop.SupportEmail,
                ["support_phone"] = shop.SupportPhone,
                ["address"] = shop.Address,
            },
            ["data"] = ScriptValues.From(data),
            ["links"] = new ScriptObject
            {
                ["preferences"] = links.Preferences,
                ["unsubscribe"] = links.Unsubscribe,
                ["confirm"] = links.Confirm,
                ["rating"] = links.Rating().Select(r => new ScriptObject { ["score"] = r.Score, ["url"] = r.Url }).ToList(),
            },
            ["feedback"] = ScriptValues.From(feedback ?? Runtime.InstanceState.FeedbackModel(null)),
            // Without an owner yet, the shop's support speaks: owner.* always reads as a person to write to.
            ["owner"] = new ScriptObject
            {
                ["name"] = owner?.Name ?? shop.Name,
                ["email"] = owner?.Email ?? shop.SupportEmail,
                ["phone"] = owner?.Phone ?? shop.SupportPhone,
            },
        };
        model.Import("money", new Func<decimal, string>(formats.Money));
        model.Import("local_date", new Func<DateTimeOffset, string>(d => formats.Date(d)));
        return model;
    }

    private static ScriptObject Line(OrderLine line) => new()
    {
        ["sku"] = line.Sku,
        ["name"] = line.Name,
        ["quantity"] = line.Quantity,
        ["unit_price"] = line.UnitPrice,
        ["line_total"] = line.UnitPrice * line.Quantity,
    };
}
