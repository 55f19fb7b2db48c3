using CareFlows.Engine.Consent;
using CareFlows.Engine.Templates;
using Marten;
using Microsoft.AspNetCore.Mvc;

namespace CareFlows.Server.Consent.PreferencePage;

/// <summary>
/// The customer's side, public and behind signed links only: the preference page, RFC 8058 one-click unsubscribe
/// and the double opt-in confirmation. A malformed, tampered or expired link gets a page that says so and changes nothing.
/// </summary>
public static class PreferencePageEndpoints
{
    public static IEndpointRouteBuilder MapPreferencePage(this IEndpointRouteBuilder app)
    {
        var pages = app.MapGroup("").AllowAnonymous().DisableAntiforgery().ExcludeFromDescription();
        pages.MapGet("/preferences", (string? token, PageContext page, CancellationToken ct) => page.ShowAsync(token, [LinkPurpose.Preferences, LinkPurpose.Unsubscribe], null, ct));
        pages.MapPost("/preferences", SaveAsync);
        // GET shows the page (a link scanner must not unsubscribe anyone); POST is the one-click unsubscribe itself.
        pages.MapGet("/unsubscribe", (string? token, PageContext page, CancellationToken ct) => page.ShowAsync(token, [LinkPurpose.Unsubscribe], null, ct));
        pages.MapPost("/unsubscribe", OneClickAsync);
        pages.MapGet("/confirm", (string? token, PageContext page) => page.Check(token, [LinkPurpose.Confirm], out var claims) is { } bad ? bad
            : page.Html(PreferencePageHtml.Confirm(page.Shop, token!, claims!.Category)));
        pages.MapPost("/confirm", ConfirmAsync);
        return app;
    }

    private static async Task<IResult> SaveAsync([FromForm] string? token, [FromForm] string? action, HttpRequest request, PageContext page, ConsentChanges changes, CancellationToken ct)
    {
        if (page.Check(token, [LinkPurpose.Preferences, LinkPurpose.Unsubscribe], out var claims) is { } bad) return bad;
        var now = page.Clock.GetUtcNow();
        if (action == "unsubscribe-all")
        {
            await changes.ApplyAsync(new UnsubscribeAll(claims!.CustomerId, Channels.Email, ConsentSources.PreferencePage, null, now), ct);
            return await page.ShowAsync(token, [LinkPurpose.Preferences, LinkPurpose.Unsubscribe], "You are unsubscribed from all service and marketing emails.", ct);
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
        return await page.ShowAsync(token, [LinkPurpose.Preferences, LinkPurpose.Unsubscribe],
            confirmationSent ? "Saved. We sent you an email: your subscription starts when you confirm it there." : "Your choices are saved.", ct);
    }

    private static async Task<IResult> OneClickAsync(string? token, PageContext page, ConsentChanges changes, CancellationToken ct)
    {
        if (page.Check(token, [LinkPurpose.Unsubscribe], out var claims) is { } bad) return bad;
        var result = await changes.ApplyAsync(new UnsubscribeAll(claims!.CustomerId, Channels.Email, ConsentSources.OneClickUnsubscribe, claims.Id, page.Clock.GetUtcNow()), ct);
        return result.Outcome == ConsentOutcome.LinkAlreadyUsed
            ? page.Html(PreferencePageHtml.Message(page.Shop, "This link was used before", "You unsubscribed with it already, and the choices you made since then stand. Nothing was changed."))
            : page.Html(PreferencePageHtml.Message(page.Shop, "You are unsubscribed", $"You will get no more service or marketing emails from {page.Shop.Name}. Messages about orders you place still reach you."));
    }

    private static async Task<IResult> ConfirmAsync([FromForm] string? token, PageContext page, ConsentChanges changes, CancellationToken ct)
    {
        if (page.Check(token, [LinkPurpose.Confirm], out var claims) is { } bad) return bad;
        var result = await changes.ApplyAsync(new ConfirmDoubleOptIn(claims!.CustomerId, Channels.Email, claims.Category, page.Clock.GetUtcNow()), ct);
        return result.Outcome == ConsentOutcome.NothingToConfirm
            ? page.Html(PreferencePageHtml.Message(page.Shop, "Nothing to confirm", "This subscription was withdrawn since the email was sent; nothing was changed."))
            : page.Html(PreferencePageHtml.Message(page.Shop, "Thank you", "Your subscription is confirmed."));
    }
}

/// <summary>What every customer page needs: the shop, the clock, the link check and the customer's preferences.</summary>
public sealed class PageContext(ShopOptions shop, LinkTokens tokens, TimeProvider clock, IDocumentStore store, ConsentPolicy policy, IKnownAddresses addresses)
{
    public ShopOptions Shop => shop;
    public TimeProvider Clock => clock;

    public IResult? Check(string? token, LinkPurpose[] allowed, out LinkClaims? claims)
    {
        var check = tokens.Check(token, clock.GetUtcNow());
        claims = check.Claims;
        if (check.IsValid && allowed.Contains(check.Claims!.Purpose)) return null;
        var status = check.IsValid ? LinkStatus.Malformed : check.Status;
        return Html(PreferencePageHtml.BadLink(shop, status), status == LinkStatus.Expired ? StatusCodes.Status410Gone : StatusCodes.Status400BadRequest);
    }

    public async Task<IResult> ShowAsync(string? token, LinkPurpose[] allowed, string? notice, CancellationToken ct)
    {
        if (Check(token, allowed, out var claims) is { } bad) return bad;
        return Html(PreferencePageHtml.Preferences(shop, token!, await PreferencesAsync(claims!.CustomerId, ct), notice));
    }

    /// <summary>The customer's preferences as the page shows them, with the address from their latest order if the record has none.</summary>
    public async Task<PreferencesView> PreferencesAsync(string customerId, CancellationToken ct)
    {
        await using var session = store.QuerySession();
        var consent = await session.LoadAsync<CustomerConsent>(ConsentStreamId.For(customerId), ct);
        var view = ConsentEndpoints.View(customerId, consent?.State, policy);
        return view.Email == "" ? view with { Email = await addresses.LatestAsync(session, customerId, ct) ?? "" } : view;
    }

    public IResult Html(string html, int status = StatusCodes.Status200OK) => Results.Content(html, "text/html; charset=utf-8", statusCode: status);
}
