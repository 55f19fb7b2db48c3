using CareFlows.Engine.Templates;
using CareFlows.Engine.Consent;
using CareFlows.Server.Consent.PreferencePage;
using CareFlows.Server.Delivery;
using CareFlows.Server.Delivery.Outbox;
using CareFlows.Server.Hosting;
using JasperFx.Events.Projections;
using Marten;
using Microsoft.Extensions.Options;

namespace CareFlows.Server.Consent;

/// <summary>Each customer's consent (a Marten stream), the gate every service and marketing message passes, and the customer pages.</summary>
public static class ConsentRegistration
{
    /// <summary>Consent decisions from the shop; malformed ones land in "careflows-consent_error".</summary>
    public const string Queue = "careflows-consent";

    public static IServiceCollection AddConsent(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ConsentOptions>(configuration.GetSection(ConsentOptions.Section));
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<ConsentOptions>>().Value);
        services.AddSingleton(sp => sp.GetRequiredService<ConsentOptions>().Policy());
        services.AddSingleton(sp => new LinkTokens(sp.GetRequiredService<ConsentOptions>().KeyRing(), sp.GetRequiredService<ConsentOptions>().LinkLifetime));
        services.AddSingleton<ConsentDecider>();
        services.AddSingleton<ConsentLinks>();
        services.AddSingleton<ConsentChanges>();
        services.AddSingleton<ConfirmationEmail>();
        services.AddSingleton<PageRenderer>();
        services.AddSingleton<CustomerPages>();
        services.AddSingleton<PageContext>();
        services.AddSingleton<ISendGate, SendGate>();
        services.AddSingleton<IMessageOutcomeHandler, BouncedAddresses>();
        services.AddReceiveQueue(new ReceiveQueue(Queue).Consumer<CustomerConsentChangedConsumer>());
        return services;
    }

    public static void ConfigureStore(StoreOptions options)
    {
        // Inline: the preferences are written with their events, and need no leader among several processes.
        options.Projections.Add<CustomerConsentProjection>(ProjectionLifecycle.Inline);
        options.Schema.For<CustomerConsent>().Index(c => c.Email);
    }
}
