using System.Text.RegularExpressions;

namespace CareFlows.Server.Inbound;

/// <summary>
/// A reply without the message it quotes: lines from the first attribution ("On … wrote:", "Am … schrieb …:",
/// "Le … a écrit :"), an "Original Message" rule or a forwarded header block on, and every line quoted with "&gt;".
/// What the customer typed above stays, trimmed.
/// </summary>
public static partial class QuotedText
{
    public const int MaxLength = 5000;

    public static string Strip(string text)
    {
        var kept = new List<string>();
        foreach (var raw in text.Replace("\r\n", "\n").Split('\n'))
        {
            var line = raw.TrimEnd();
            if (Attribution().IsMatch(line) || OriginalRule().IsMatch(line)) break;
            if (line.TrimStart().StartsWith('>')) continue;
            kept.Add(line);
        }
        var result = string.Join('\n', kept).Trim();
        return result.Length > MaxLength ? result[..MaxLength] : result;
    }

    [GeneratedRegex(@"^\s*(On\s.+wrote:|Am\s.+schrieb.*:|Le\s.+a\s+écrit\s*:)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex Attribution();

    [GeneratedRegex(@"^\s*(-{2,}\s*(Original Message|Ursprüngliche Nachricht|Message d'origine)\s*-{2,}|From:\s.+<[^>]+@[^>]+>|Von:\s.+|De\s?:\s.+@.+)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex OriginalRule();
}
