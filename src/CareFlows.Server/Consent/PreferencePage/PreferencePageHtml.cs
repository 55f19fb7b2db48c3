using System.Net;
using CareFlows.Engine.Consent;
using CareFlows.Engine.Templates;

namespace CareFlows.Server.Consent.PreferencePage;

/// <summary>The customer's pages: plain server-rendered HTML that works without JavaScript, in the shop's colours.</summary>
public static class PreferencePageHtml
{
    private static readonly IReadOnlyDictionary<string, (string Label, string Hint)> Labels = new Dictionary<string, (string, string)>
    {
        [ConsentCategories.Service] = ("Service emails", "Check-ins after delivery and reminders that our support is there."),
        [ConsentCategories.Marketing] = ("Offers and discounts", "Surprise discounts and news about products."),
    };

    public static string Preferences(ShopOptions shop, string token, PreferencesView view, string? notice)
    {
        var rows = string.Concat(view.Categories.Select(c => $"""
            <div class="choice">
              <input type="checkbox" id="{c.Key}" name="{c.Key}" value="on"{(c.Value.OptedIn || c.Value.AwaitingConfirmation ? " checked" : "")} aria-describedby="{c.Key}-hint">
              <label for="{c.Key}">{E(Labels[c.Key].Label)}</label>
              <p id="{c.Key}-hint" class="hint">{E(Labels[c.Key].Hint)}{(c.Value.AwaitingConfirmation ? " <strong>Waiting for your confirmation: see the email we sent you.</strong>" : "")}</p>
            </div>
            """));
        var body = $"""
            <h1>Your email preferences</h1>
            {(notice is null ? "" : $"<p class=\"notice\" role=\"status\">{E(notice)}</p>")}
            {(view.Email == "" ? "" : $"<p>For <strong>{E(view.Email)}</strong>.</p>")}
            <form method="post" action="/preferences">
              <input type="hidden" name="token" value="{E(token)}">
              <fieldset>
                <legend>Send me</legend>
                {rows}
                <p class="hint">Order confirmations and other messages about an order you placed are always sent.</p>
              </fieldset>
              <button type="submit" name="action" value="save">Save my choices</button>
              <button type="submit" name="action" value="unsubscribe-all" class="secondary">Unsubscribe from everything</button>
            </form>
            """;
        return Page(shop, "Your email preferences", body);
    }

    public static string Confirm(ShopOptions shop, string token, string category) => Page(shop, "Confirm your subscription", $"""
        <h1>Confirm your subscription</h1>
        <p>Please confirm that you want to receive {E(Labels.TryGetValue(category, out var l) ? l.Label.ToLowerInvariant() : category)} from {E(shop.Name)}.</p>
        <form method="post" action="/confirm">
          <input type="hidden" name="token" value="{E(token)}">
          <button type="submit">Yes, confirm</button>
        </form>
        """);

    public static string Message(ShopOptions shop, string title, string text) => Page(shop, title, $"""
        <h1>{E(title)}</h1>
        <p role="status">{E(text)}</p>
        """);

    public static string BadLink(ShopOptions shop, LinkStatus status) => status == LinkStatus.Expired
        ? Message(shop, "This link has expired", $"Links in our emails stay valid for a while, and this one is too old. Use the link in a more recent email from {shop.Name}, or write to {shop.SupportEmail}. Nothing was changed.")
        : Message(shop, "This link is not valid", $"The link may have been cut short or changed when it was copied. Open it again from the email, or write to {shop.SupportEmail}. Nothing was changed.");

    private static string Page(ShopOptions shop, string title, string body) => $$"""
        <!doctype html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="robots" content="noindex">
        <title>{{E(title)}} · {{E(shop.Name)}}</title>
        <style>
          body { font-family: system-ui, sans-serif; background: #f4f4f4; color: #222; margin: 0; }
          main { max-width: 560px; margin: 40px auto; background: #fff; padding: 28px; border-radius: 6px; border-top: 4px solid {{E(shop.PrimaryColor)}}; }
          h1 { font-size: 22px; margin-top: 0; }
          fieldset { border: 0; padding: 0; margin: 0 0 16px; }
          legend { font-weight: 600; margin-bottom: 8px; }
          .choice { margin: 10px 0; }
          .choice label { font-weight: 600; margin-left: 6px; }
          .hint { color: #555; font-size: 14px; margin: 4px 0 0 26px; }
          fieldset > .hint { margin-left: 0; }
          .notice { background: #eef6f0; border-left: 4px solid {{E(shop.PrimaryColor)}}; padding: 10px 12px; }
          button { font: inherit; padding: 10px 16px; border: 0; border-radius: 4px; background: {{E(shop.PrimaryColor)}}; color: #fff; cursor: pointer; margin: 4px 8px 4px 0; }
          button.secondary { background: #fff; color: #a33; border: 1px solid #a33; }
          button:focus-visible, input:focus-visible { outline: 3px solid #1a73e8; outline-offset: 2px; }
          footer { color: #666; font-size: 13px; margin-top: 24px; }
        </style>
        </head>
        <body>
        <main>
        <p><strong>{{E(shop.Name)}}</strong></p>
        {{body}}
        <footer>{{E(shop.Name)}} · {{E(shop.Address)}} · <a href="mailto:{{E(shop.SupportEmail)}}">{{E(shop.SupportEmail)}}</a></footer>
        </main>
        </body>
        </html>
        """;

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
