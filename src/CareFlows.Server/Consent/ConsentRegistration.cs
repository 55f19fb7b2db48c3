using CareFlows.Engine.Consent;
using CareFlows.Server.Consent.PreferencePage;
using Microsoft.Extensions.Options;

namespace CareFlows.Server.Consent;

public static class ConsentRegistration
{
    public static IServiceCollection AddCareFlowsConsent(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ConsentOptions>(configuration.GetSection(ConsentOptions.Section));
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<ConsentOptions>>().Value);
        services.AddSingleton(sp => sp.GetRequiredService<ConsentOptions>().Policy());
        services.AddSingleton(sp => new LinkTokens(sp.GetRequiredService<ConsentOptions>().KeyRing(), sp.GetRequiredService<ConsentOptions>().LinkLifetime));
        services.AddSingleton<ConsentDecider>();
        services.AddSingleton<ConsentLinks>();
        services.AddSingleton<ConsentChanges>();
        services.AddSingleton<ConfirmationEmail>();
        services.AddSingleton<PageContext>();
        return services;
    }
}
