using CareFlows.Engine.Consent;
using CareFlows.Engine.Templates;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace CareFlows.Server.Consent.PreferencePage;

/// <summary>
/// The customer's side, public and behind signed links only: the preference page, RFC 8058 one-click unsubscribe
/// and the double opt-in confirmation. A malformed, tampered or expired link gets a page that says so and changes
/// nothing. Every page is in the customer's language: their latest order's locale, else the browser's, else the shop's.
/// </summary>
public static class PreferencePageEndpoints
{
    public static IEndpointRouteBuilder MapPreferencePage(this IEndpointRouteBuilder app)
    {
        var pages = app.MapGroup("").AllowAnonymous().DisableAntiforgery().ExcludeFromDescription();
        pages.MapGet("/preferences", (string? token, HttpRequest request, PageContext page, CancellationToken ct) =>
            page.ShowAsync(request, token, [LinkPurpose.Preferences, LinkPurpose.Unsubscribe], null, ct));
        pages.MapPost("/preferences", SaveAsync);
        // GET shows the page (a link scanner must not unsubscribe anyone); POST is the one-click unsubscribe itself.
        pages.MapGet("/unsubscribe", (string? token, HttpRequest request, PageContext page, CancellationToken ct) =>
            page.ShowAsync(request, token, [LinkPurpose.Unsubscribe], null, ct));
        pages.MapPost("/unsubscribe", OneClickAsync);
        pages.MapGet("/confirm", async (string? token, HttpRequest request, PageContext page, CancellationToken ct) =>
            page.Check(request, token, [LinkPurpose.Confirm], out var claims) is { } bad ? bad
                : page.Html(page.Pages.Confirm(await page.LocaleAsync(request, claims!.CustomerId, ct), token!, claims.Category)));
        pages.MapPost("/confirm", ConfirmAsync);
        return app;
    }

    private static async Task<IResult> SaveAsync([FromForm] string? token, [FromForm] string? action, HttpRequest request, PageContext page, ConsentChanges changes, CancellationToken ct)
    {
        if (page.Check(request, token, [LinkPurpose.Preferences, LinkPurpose.Unsubscribe], out var claims) is { } bad) return bad;
        var now = page.Clock.GetUtcNow();
        if (action == "unsubscribe-all")
        {
            await changes.ApplyAsync(new UnsubscribeAll(claims!.CustomerId, Channels.Email, ConsentSources.PreferencePage, null, now), ct);
            return await page.ShowAsync(request, token, [LinkPurpose.Preferences, LinkPurpose.Unsubscribe], "notice_unsubscribed_all", ct);
        }
        var form = await request.ReadFormAsync(ct);
        var current = await page.PreferencesAsync(claims!.CustomerId, ct);
        var confirmationSent = false;
        foreach (var category in ConsentCategories.Optional)
        {
            // A box left as the customer decided before records nothing (nor asks again for a confirmation on its way);
            // one left at the shop's default records their choice.
            var wanted = form[category] == "on";
            var choice = current.Categories[category];
            if (choice.AwaitingConfirmation ? wanted : !choice.IsDefault && choice.OptedIn == wanted) continue;
            var result = await changes.ApplyAsync(new ChangeConsent(claims.CustomerId, current.Email, Channels.Email, category, wanted, ConsentSources.PreferencePage, now), ct);
            confirmationSent |= result.Outcome == ConsentOutcome.ConfirmationRequested;
        }
        return await page.ShowAsync(request, token, [LinkPurpose.Preferences, LinkPurpose.Unsubscribe],
            confirmationSent ? "notice_confirmation_sent" : "notice_saved", ct);
    }

    private static async Task<IResult> OneClickAsync(string? token, HttpRequest request, PageContext page, ConsentChanges changes, CancellationToken ct)
    {
        if (page.Check(request, token, [LinkPurpose.Unsubscribe], out var claims) is { } bad) return bad;
        var result = await changes.ApplyAsync(new UnsubscribeAll(claims!.CustomerId, Channels.Email, ConsentSources.OneClickUnsubscribe, claims.Id, page.Clock.GetUtcNow()), ct);
        var locale = await page.LocaleAsync(request, claims.CustomerId, ct);
        return page.Html(page.Pages.Message(locale, result.Outcome == ConsentOutcome.LinkAlreadyUsed ? "link_used" : "unsubscribed"));
    }

    private static async Task<IResult> ConfirmAsync([FromForm] string? token, HttpRequest request, PageContext page, ConsentChanges changes, CancellationToken ct)
    {
        if (page.Check(request, token, [LinkPurpose.Confirm], out var claims) is { } bad) return bad;
        var result = await changes.ApplyAsync(new ConfirmDoubleOptIn(claims!.CustomerId, Channels.Email, claims.Category, page.Clock.GetUtcNow()), ct);
        var locale = await page.LocaleAsync(request, claims.CustomerId, ct);
        return page.Html(page.Pages.Message(locale, result.Outcome == ConsentOutcome.NothingToConfirm ? "nothing_to_confirm" : "confirmed"));
    }
}
