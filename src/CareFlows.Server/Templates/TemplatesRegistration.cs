using CareFlows.Engine.Templates;
using CareFlows.Server.Delivery;
using CareFlows.Server.Hosting;
using Microsoft.Extensions.Options;

namespace CareFlows.Server.Templates;

/// <summary>The Scriban templates in templates/ (or Email:TemplatesPath), the shop's branding they read, and their preview.</summary>
public static class TemplatesRegistration
{
    public static IServiceCollection AddTemplates(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ShopOptions>(configuration.GetSection(ShopOptions.Section));
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<ShopOptions>>().Value);
        services.AddSingleton(sp => new TemplateCatalog(
            ProjectPaths.Find(sp.GetRequiredService<IHostEnvironment>().ContentRootPath, configuration[$"{EmailOptions.Section}:TemplatesPath"], "templates"),
            sp.GetRequiredService<ShopOptions>().DefaultLocale));
        services.AddSingleton<MessageRenderer>();
        services.AddSingleton<TemplateChecker>();
        return services;
    }
}
