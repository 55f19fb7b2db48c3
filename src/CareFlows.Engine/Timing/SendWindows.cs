namespace CareFlows.Engine.Timing;

/// <summary>When a message may go out: a daily window of local time in the customer's zone.</summary>
public static class SendWindows
{
    /// <summary>Null when <paramref name="now"/> is inside the window, otherwise the next moment the window opens.</summary>
    public static DateTimeOffset? NextOpening(DateTimeOffset now, TimeOnly start, TimeOnly end, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(now, zone);
        var time = TimeOnly.FromDateTime(local.DateTime);
        if (IsInside(time, start, end)) return null;
        // Before today's opening (or, for a window across midnight, in its daytime gap): today; else tomorrow.
        var day = DateOnly.FromDateTime(local.DateTime);
        if (time >= start) day = day.AddDays(1);
        return ToInstant(day.ToDateTime(start), zone);
    }

    public static bool IsInside(TimeOnly time, TimeOnly start, TimeOnly end) =>
        start <= end ? time >= start && time < end : time >= start || time < end;

    // A local time that a clock change skips (02:30 on a spring-forward night) opens at the first valid minute after it.
    private static DateTimeOffset ToInstant(DateTime local, TimeZoneInfo zone)
    {
        while (zone.IsInvalidTime(local)) local = local.AddMinutes(1);
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }
}
