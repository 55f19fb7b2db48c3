using CareFlows.Engine.Consent;
using CareFlows.Engine.Templates;
using Marten;

namespace CareFlows.Server.Consent.PreferencePage;

/// <summary>What every customer page needs: the shop, the clock, the link check, the customer's preferences and language.</summary>
public sealed class PageContext(ShopOptions shop, LinkTokens tokens, TimeProvider clock, IDocumentStore store, ConsentPolicy policy,
    IKnownCustomers customers, CustomerPages pages)
{
    public TimeProvider Clock => clock;
    public CustomerPages Pages => pages;

    public IResult? Check(HttpRequest request, string? token, LinkPurpose[] allowed, out LinkClaims? claims)
    {
        var check = tokens.Check(token, clock.GetUtcNow());
        claims = check.Claims;
        if (check.IsValid && allowed.Contains(check.Claims!.Purpose)) return null;
        var status = check.IsValid ? LinkStatus.Malformed : check.Status;
        return Html(pages.BadLink(BrowserLocale(request), status), status == LinkStatus.Expired ? StatusCodes.Status410Gone : StatusCodes.Status400BadRequest);
    }

    public async Task<IResult> ShowAsync(HttpRequest request, string? token, LinkPurpose[] allowed, string? noticeKey, CancellationToken ct)
    {
        if (Check(request, token, allowed, out var claims) is { } bad) return bad;
        var preferences = await PreferencesAsync(claims!.CustomerId, ct);
        return Html(pages.Preferences(await LocaleAsync(request, claims.CustomerId, ct), token!, preferences, noticeKey));
    }

    /// <summary>The customer's preferences as the page shows them, with the address from their latest order if the record has none.</summary>
    public async Task<PreferencesView> PreferencesAsync(string customerId, CancellationToken ct)
    {
        await using var session = store.QuerySession();
        var consent = await session.LoadAsync<CustomerConsent>(ConsentStreamId.For(customerId), ct);
        var view = ConsentEndpoints.View(customerId, consent?.State, policy);
        return view.Email == "" ? view with { Email = (await customers.LatestAsync(session, customerId, ct)).Email ?? "" } : view;
    }

    /// <summary>The locale of the customer's latest order; without one, the browser's first language; else the shop's.</summary>
    public async Task<string> LocaleAsync(HttpRequest request, string customerId, CancellationToken ct)
    {
        await using var session = store.QuerySession();
        return (await customers.LatestAsync(session, customerId, ct)).Locale is { } locale && LanguageTags.IsValid(locale) ? locale : BrowserLocale(request);
    }

    private string BrowserLocale(HttpRequest request) =>
        request.GetTypedHeaders().AcceptLanguage.OrderByDescending(l => l.Quality ?? 1).Select(l => l.Value.Value)
            .FirstOrDefault(LanguageTags.IsValid) ?? shop.DefaultLocale;

    public IResult Html(string html, int status = StatusCodes.Status200OK) => Results.Content(html, "text/html; charset=utf-8", statusCode: status);
}
