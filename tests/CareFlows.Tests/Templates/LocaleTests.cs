using CareFlows.Engine.Templates;

namespace CareFlows.Tests.Templates;

public class LocaleTests
{
    [Fact]
    public void a_regional_locale_falls_back_to_its_language_then_the_default_then_english() =>
        TemplateCatalog.LocaleChain("de-AT", "fr").ShouldBe(["de-AT", "de", "fr", "en"]);

    [Fact]
    public void the_chain_has_no_repeats() => TemplateCatalog.LocaleChain("en-GB", "en").ShouldBe(["en-GB", "en"]);

    [Fact]
    public void money_is_written_in_the_customers_locale_with_the_orders_currency()
    {
        new LocaleFormats("de-DE", "EUR", "", "UTC").Money(1234.5m).ShouldBe("1.234,50 €");
        new LocaleFormats("en-GB", "EUR", "", "UTC").Money(1234.5m).ShouldBe("€1,234.50");
        new LocaleFormats("en-US", "GBP", "", "UTC").Money(9.9m).ShouldBe("£9.90");
    }

    [Fact]
    public void dates_are_shown_in_the_customers_time_zone()
    {
        var lateEvening = DateTimeOffset.Parse("2026-11-23T23:30:00Z");
        new LocaleFormats("en-GB", "EUR", "Europe/Vienna", "UTC").Date(lateEvening, "yyyy-MM-dd HH:mm").ShouldBe("2026-11-24 00:30");
    }

    [Fact]
    public void an_unknown_time_zone_uses_the_shops_default() =>
        new LocaleFormats("en", "EUR", "Mars/Olympus", "Asia/Tokyo").Date(DateTimeOffset.Parse("2026-11-23T00:00:00Z"), "HH:mm").ShouldBe("09:00");
}
