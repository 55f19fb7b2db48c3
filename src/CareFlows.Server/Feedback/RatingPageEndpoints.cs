using CareFlows.Engine.Activities;
using CareFlows.Engine.Consent;
using CareFlows.Server.Care;
using CareFlows.Server.Consent.PreferencePage;
using Microsoft.AspNetCore.Mvc;

namespace CareFlows.Server.Feedback;

/// <summary>
/// The rating page behind a message's five rating links. Mail scanners open every link in an email, so a GET records
/// nothing: it shows the page with the clicked score chosen, a comment box and one button; the POST records the answer.
/// A second answer to the same message replaces the first as the answer (both stay in the history). Plain HTML: no
/// JavaScript, so it works wherever the email was read.
/// </summary>
public static class RatingPageEndpoints
{
    public const int MaxComment = 2000;
    private static readonly string[] Faces = ["😞", "🙁", "😐", "🙂", "😄"];

    public static IEndpointRouteBuilder MapRatingPage(this IEndpointRouteBuilder app)
    {
        var pages = app.MapGroup("").AllowAnonymous().DisableAntiforgery().ExcludeFromDescription();
        pages.MapGet("/rate", ShowAsync);
        pages.MapPost("/rate", RecordAsync);
        return app;
    }

    private static async Task<IResult> ShowAsync(string? token, string? score, HttpRequest request, PageContext page, CancellationToken ct)
    {
        if (page.Check(request, token, [LinkPurpose.Rate], out var claims) is { } bad) return bad;
        var locale = await page.LocaleAsync(request, claims!.CustomerId, ct);
        return page.Html(Form(page, locale, token!, ParseScore(score), null));
    }

    private static async Task<IResult> RecordAsync([FromForm] string? token, [FromForm] string? score, [FromForm] string? comment,
        HttpRequest request, PageContext page, FeedbackRecorder recorder, Owners owners, CancellationToken ct)
    {
        if (page.Check(request, token, [LinkPurpose.Rate], out var claims) is { } bad) return bad;
        var locale = await page.LocaleAsync(request, claims!.CustomerId, ct);
        if (ParseScore(score) is not { } chosen)
            return page.Html(Form(page, locale, token!, null, "rate_choose"), StatusCodes.Status422UnprocessableEntity);
        var text = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim() is var t && t.Length > MaxComment ? t[..MaxComment] : comment.Trim();
        var outcome = await recorder.RecordAsync(claims.Id, claims.CustomerId, chosen, text, null, "rating page", ct);
        if (!outcome.Recorded) return page.Html(page.Pages.Message(locale, "link_invalid"), StatusCodes.Status404NotFound);
        if (outcome.Care is { CaseId: not null, Owner: { } owner })
            return page.Html(page.Pages.Message(locale, "rated", page.Pages.Text(locale, "rated_unhappy_text",
                ("owner", owner.Name), ("owner_email", owner.Email), ("hours", owners.ReplyWithinHours.ToString()))));
        return page.Html(page.Pages.Message(locale, "rated"));
    }

    private static int? ParseScore(string? score) =>
        int.TryParse(score, out var s) && s is >= FeedbackVocabulary.LowestScore and <= FeedbackVocabulary.HighestScore ? s : null;

    private static string Form(PageContext page, string locale, string token, int? chosen, string? noticeKey) =>
        page.Pages.Render("rate", locale, "rate_title", new Dictionary<string, object?>
        {
            ["token"] = token,
            ["notice"] = noticeKey is null ? "" : page.Pages.Text(locale, noticeKey),
            ["max_comment"] = MaxComment,
            ["scores"] = Enumerable.Range(FeedbackVocabulary.LowestScore, FeedbackVocabulary.HighestScore).Select(s => new Dictionary<string, object?>
            {
                ["score"] = s,
                ["face"] = Faces[s - 1],
                ["label"] = page.Pages.Text(locale, $"score_{s}"),
                ["checked"] = s == chosen,
            }).ToList(),
        });
}
