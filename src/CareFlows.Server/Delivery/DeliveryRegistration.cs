using CareFlows.Server.Delivery.Outbox;
using CareFlows.Server.Delivery.Smtp;
using CareFlows.Server.Hosting;
using Microsoft.Extensions.Options;

namespace CareFlows.Server.Delivery;

/// <summary>
/// The lowest feature room: the outbox and the dispatcher. It knows nothing of the features that queue mail; they tell
/// it how to gate a message (<see cref="ISendGate"/>) and learn how each ended (<see cref="IMessageOutcomeHandler"/>).
/// </summary>
public static class DeliveryRegistration
{
    public static IServiceCollection AddDelivery(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<EmailOptions>(configuration.GetSection(EmailOptions.Section));
        services.Configure<SmtpOptions>(configuration.GetSection(SmtpOptions.Section));
        services.Configure<DeliveryOptions>(configuration.GetSection(DeliveryOptions.Section));
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<EmailOptions>>().Value);
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<SmtpOptions>>().Value);
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<DeliveryOptions>>().Value);
        services.AddSingleton(new TableDefinition(OutboxSchema.Table, OutboxSchema.Ddl));

        services.AddSingleton(configuration.GetSection(Caps.FrequencyCapSettings.Section).Get<Caps.FrequencyCapSettings>() ?? new Caps.FrequencyCapSettings());
        services.AddSingleton<Caps.FrequencyCap>();
        services.AddSingleton<EmailQueue>();
        services.AddSingleton<OutboxStore>();
        services.AddSingleton<SmtpSender>();
        services.AddSingleton<DispatchSignal>();
        if (configuration.GetSection(DeliveryOptions.Section).Get<DeliveryOptions>()?.Enabled ?? true)
            services.AddHostedService<EmailDispatcher>();
        return services;
    }
}
