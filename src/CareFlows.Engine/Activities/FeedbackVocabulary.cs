namespace CareFlows.Engine.Activities;

/// <summary>The words of feedback that flows, the server and the designer share.</summary>
public static class FeedbackVocabulary
{
    public const string Unhappy = "Unhappy";
    public const string Neutral = "Neutral";
    public const string Happy = "Happy";
    public const string Replied = "Replied";
    public const string NoAnswer = "NoAnswer";
    public static readonly IReadOnlyList<string> Ports = [Unhappy, Neutral, Happy, Replied, NoAnswer];

    /// <summary>The event a case's resolution delivers to the instance whose feedback opened it.</summary>
    public const string CaseResolved = "CaseResolved";

    public const string ToOwner = "owner";
    public const string ToTeam = "team";
    public static readonly IReadOnlyList<string> Recipients = [ToOwner, ToTeam];

    public const int LowestScore = 1;
    public const int HighestScore = 5;
    public const int DefaultUnhappyAtMost = 2;
    public const int DefaultHappyFrom = 4;

    /// <summary>Which port a score leaves a WaitForFeedback through.</summary>
    public static string PortFor(int score, int unhappyAtMost, int happyFrom) =>
        score <= unhappyAtMost ? Unhappy : score >= happyFrom ? Happy : Neutral;
}
