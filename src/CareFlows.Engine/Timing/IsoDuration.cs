using System.Xml;

namespace CareFlows.Engine.Timing;

/// <summary>ISO-8601 durations such as PT2H, P3D, P1DT12H. Years and months are not accepted: their length varies.</summary>
public static class IsoDuration
{
    public static bool TryParse(string? text, out TimeSpan duration)
    {
        duration = default;
        if (string.IsNullOrWhiteSpace(text) || !text.StartsWith('P')) return false;
        var datePart = text.Split('T')[0];
        if (datePart.Contains('Y') || datePart.Contains('M')) return false;
        try { duration = XmlConvert.ToTimeSpan(text); }
        catch (FormatException) { return false; }
        catch (OverflowException) { return false; }
        return duration > TimeSpan.Zero;
    }

    public static string Format(TimeSpan duration) => XmlConvert.ToString(duration);
}
