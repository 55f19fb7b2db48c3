using System.Collections.Concurrent;
using System.Globalization;

namespace CareFlows.Engine.Templates;

/// <summary>Money and dates written the way the customer's locale writes them, in the order's currency and the customer's zone.</summary>
public sealed class LocaleFormats
{
    private static readonly ConcurrentDictionary<string, string> CurrencySymbols = new(StringComparer.OrdinalIgnoreCase);
    private readonly NumberFormatInfo _money;
    private readonly TimeZoneInfo _zone;

    public LocaleFormats(string locale, string currency, string timeZone, string defaultTimeZone)
    {
        Culture = CultureFor(locale);
        _money = (NumberFormatInfo)Culture.NumberFormat.Clone();
        _money.CurrencySymbol = SymbolFor(currency);
        _zone = ZoneFor(timeZone) ?? ZoneFor(defaultTimeZone) ?? TimeZoneInfo.Utc;
    }

    public CultureInfo Culture { get; }

    public string Money(decimal amount) => amount.ToString("C", _money);

    public string Date(DateTimeOffset value, string format = "D") =>
        TimeZoneInfo.ConvertTime(value, _zone).ToString(format, Culture);

    public static TimeZoneInfo? ZoneFor(string id)
    {
        if (string.IsNullOrWhiteSpace(id)) return null;
        return TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : null;
    }

    private static CultureInfo CultureFor(string locale)
    {
        try { return string.IsNullOrWhiteSpace(locale) ? CultureInfo.InvariantCulture : CultureInfo.GetCultureInfo(locale.Replace('_', '-')); }
        catch (CultureNotFoundException) { return CultureInfo.GetCultureInfo("en"); }
    }

    // The symbol a currency is written with is a property of the currency, not of the reader's locale:
    // find a region that uses it; an unknown code is written as the code itself.
    private static string SymbolFor(string currency) => CurrencySymbols.GetOrAdd(currency, code =>
        CultureInfo.GetCultures(CultureTypes.SpecificCultures)
            .Select(c => { try { return new RegionInfo(c.Name); } catch (ArgumentException) { return null; } })
            .FirstOrDefault(r => r is not null && r.ISOCurrencySymbol.Equals(code, StringComparison.OrdinalIgnoreCase))
            ?.CurrencySymbol ?? code.ToUpperInvariant());
}
