using OpenTelemetry.Metrics;

namespace CareFlows.Server.Telemetry;

public static class TelemetryRegistration
{
    public static IServiceCollection AddCareFlowsTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<CareFlowsMetrics>();
        // Exported only where an OTLP collector is configured (the standard OTEL_EXPORTER_OTLP_ENDPOINT variable);
        // without one the counters are still there for dotnet-counters.
        if (!string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            services.AddOpenTelemetry().WithMetrics(metrics => metrics
                .AddMeter(CareFlowsMetrics.MeterName, "MassTransit")
                .AddOtlpExporter());
        }
        return services;
    }
}
