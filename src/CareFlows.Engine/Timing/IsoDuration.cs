using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml;

namespace CareFlows.Engine.Timing;

/// <summary>
/// ISO-8601 durations such as PT2H, P3D, P1W, P1DT12H. Years and months are not accepted: their length varies.
/// Weeks are (the designer writes "1 week" as P1W), which .NET's own ISO parser (XmlConvert) does not know.
/// </summary>
public static partial class IsoDuration
{
    public static bool TryParse(string? text, out TimeSpan duration)
    {
        duration = default;
        if (string.IsNullOrWhiteSpace(text) || Pattern().Match(text) is not { Success: true } m || text is "P" || text.EndsWith('T')) return false;
        try
        {
            duration = TimeSpan.FromDays(7 * Number(m, "w") + Number(m, "d")) + TimeSpan.FromHours(Number(m, "h"))
                + TimeSpan.FromMinutes(Number(m, "m")) + TimeSpan.FromSeconds(Number(m, "s"));
        }
        catch (OverflowException) { return false; }
        return duration > TimeSpan.Zero;
    }

    public static string Format(TimeSpan duration) => XmlConvert.ToString(duration);

    private static double Number(Match m, string group) =>
        m.Groups[group].Success ? double.Parse(m.Groups[group].Value, CultureInfo.InvariantCulture) : 0;

    [GeneratedRegex(@"^P(?:(?<w>\d{1,6})W)?(?:(?<d>\d{1,6})D)?(?:T(?:(?<h>\d{1,7})H)?(?:(?<m>\d{1,9})M)?(?:(?<s>\d{1,9}(?:\.\d{1,7})?)S)?)?$")]
    private static partial Regex Pattern();
}
