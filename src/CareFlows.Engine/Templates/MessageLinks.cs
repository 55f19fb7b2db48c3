namespace CareFlows.Engine.Templates;

/// <summary>
/// The customer's own links, signed by the server: their preference page, one-click unsubscribe (empty for
/// transactional mail, which needs no consent), in a double opt-in email the confirmation, and the rating page of a
/// flow's message.
/// </summary>
public sealed record MessageLinks(string Preferences, string Unsubscribe, string Confirm = "", string Rate = "")
{
    /// <summary>For previews and simulations: links that look real and lead nowhere.</summary>
    public static readonly MessageLinks Sample = new("https://shop.example/preferences?token=sample", "https://shop.example/unsubscribe?token=sample",
        "https://shop.example/confirm?token=sample", "https://shop.example/rate?token=sample");

    /// <summary>
    /// One link per score of the rating scale, each opening the rating page with that score chosen. The score is not
    /// signed: the page lets the customer change it anyway; what is signed is whose answer to which message it is.
    /// </summary>
    public IReadOnlyList<(int Score, string Url)> Rating() => Rate == "" ? []
        : Enumerable.Range(Activities.FeedbackVocabulary.LowestScore, Activities.FeedbackVocabulary.HighestScore)
            .Select(score => (score, $"{Rate}&score={score}")).ToList();
}
