using CareFlows.Server.Delivery.Outbox;
using CareFlows.Server.Delivery.Smtp;
using CareFlows.Engine.Templates;
using CareFlows.Server.Hosting;
using Microsoft.Extensions.Options;

namespace CareFlows.Server.Delivery;

public static class DeliveryRegistration
{
    public static IServiceCollection AddCareFlowsDelivery(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ShopOptions>(configuration.GetSection(ShopOptions.Section));
        services.Configure<EmailOptions>(configuration.GetSection(EmailOptions.Section));
        services.Configure<SmtpOptions>(configuration.GetSection(SmtpOptions.Section));
        services.Configure<DeliveryOptions>(configuration.GetSection(DeliveryOptions.Section));
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<ShopOptions>>().Value);
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<EmailOptions>>().Value);
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<SmtpOptions>>().Value);
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<DeliveryOptions>>().Value);

        services.AddSingleton(sp => new TemplateCatalog(
            ProjectPaths.Find(sp.GetRequiredService<IHostEnvironment>().ContentRootPath, sp.GetRequiredService<EmailOptions>().TemplatesPath, "templates"),
            sp.GetRequiredService<ShopOptions>().DefaultLocale));
        services.AddSingleton<MessageRenderer>();
        services.AddSingleton<TemplateChecker>();
        services.AddSingleton<EmailQueue>();
        services.AddSingleton<OutboxStore>();
        services.AddSingleton<SmtpSender>();
        services.AddSingleton<DispatchSignal>();
        if (configuration.GetSection(DeliveryOptions.Section).Get<DeliveryOptions>()?.Enabled ?? true)
            services.AddHostedService<EmailDispatcher>();
        return services;
    }
}
