namespace CareFlows.Engine.Templates;

/// <summary>Branding and defaults of the shop, from configuration section "Shop": templates read it, none copies it.</summary>
public sealed class ShopOptions
{
    public const string Section = "Shop";
    public string Name { get; set; } = "Demo Shop";
    public string WebsiteUrl { get; set; } = "https://shop.example";
    public string LogoUrl { get; set; } = "";
    public string PrimaryColor { get; set; } = "#2f6f4f";
    public string SupportEmail { get; set; } = "support@shop.example";
    public string SupportPhone { get; set; } = "";
    public string Address { get; set; } = "";
    public string DefaultLocale { get; set; } = "en";
    public string DefaultTimeZone { get; set; } = "Europe/London";
}
