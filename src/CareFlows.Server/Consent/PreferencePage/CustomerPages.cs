using CareFlows.Engine.Consent;
using CareFlows.Engine.Templates;

namespace CareFlows.Server.Consent.PreferencePage;

/// <summary>
/// The customer's pages, rendered from templates/_pages in their language: plain HTML that works without JavaScript,
/// in the shop's colours. Every value is escaped by the template sandbox.
/// </summary>
public sealed class CustomerPages(PageRenderer pages)
{
    public string Preferences(string locale, string token, PreferencesView view, string? noticeKey) =>
        pages.Render("preferences", locale, pages.Text(locale, "preferences_title"), new Dictionary<string, object?>
        {
            ["token"] = token,
            ["email"] = view.Email,
            ["notice"] = noticeKey is null ? "" : pages.Text(locale, noticeKey),
            ["choices"] = view.Categories.Select(c => new Dictionary<string, object?>
            {
                ["key"] = c.Key,
                ["label"] = pages.Text(locale, $"{c.Key}_label"),
                ["hint"] = pages.Text(locale, $"{c.Key}_hint"),
                // A category awaiting its confirmation shows ticked: the customer asked for it.
                ["checked"] = c.Value.OptedIn || c.Value.AwaitingConfirmation,
                ["awaiting"] = c.Value.AwaitingConfirmation,
            }).ToList(),
        });

    public string Confirm(string locale, string token, string category) =>
        pages.Render("confirm", locale, pages.Text(locale, "confirm_title"), new Dictionary<string, object?>
        {
            ["token"] = token,
            ["text"] = pages.Text(locale, "confirm_text", ("category", pages.Text(locale, $"{category}_label").ToLowerInvariant())),
        });

    /// <summary>A page that says one thing: <c>{key}_title</c> and <c>{key}_text</c> from the page texts (or <paramref name="text"/>).</summary>
    public string Message(string locale, string key, string? text = null) =>
        pages.Render("message", locale, pages.Text(locale, $"{key}_title"), new Dictionary<string, object?> { ["text"] = text ?? pages.Text(locale, $"{key}_text") });

    /// <summary>Another feature's page from templates/_pages, titled by the page text <paramref name="titleKey"/>.</summary>
    public string Render(string page, string locale, string titleKey, IReadOnlyDictionary<string, object?> model) =>
        pages.Render(page, locale, pages.Text(locale, titleKey), model);

    public string Text(string locale, string key, params (string Name, string Value)[] values) => pages.Text(locale, key, values);

    public string BadLink(string locale, LinkStatus status) => Message(locale, status == LinkStatus.Expired ? "link_expired" : "link_invalid");
}
