using System.Text.Json;
using CareFlows.Server.Delivery.Smtp;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace CareFlows.Server.Health;

/// <summary>/health: PostgreSQL, RabbitMQ (MassTransit registers its bus check by itself) and SMTP, each by name.</summary>
public static class HealthEndpoints
{
    public static IServiceCollection AddCareFlowsHealth(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck<PostgresHealthCheck>("postgresql", tags: ["ready"])
            .AddCheck<SmtpHealthCheck>("smtp", tags: ["ready"]);
        return services;
    }

    public static IEndpointRouteBuilder MapCareFlowsHealth(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = WriteJson });
        return app;
    }

    private static Task WriteJson(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new
            {
                status = e.Value.Status.ToString(),
                description = e.Value.Description ?? e.Value.Exception?.Message,
                durationMs = (int)e.Value.Duration.TotalMilliseconds,
            }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body, JsonSerializerOptions.Web));
    }

    private sealed class PostgresHealthCheck(NpgsqlDataSource dataSource) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct)
        {
            try
            {
                await using var command = dataSource.CreateCommand("select 1");
                await command.ExecuteScalarAsync(ct);
                return HealthCheckResult.Healthy("reachable");
            }
            catch (Exception e) { return HealthCheckResult.Unhealthy(e.Message); }
        }
    }

    private sealed class SmtpHealthCheck(SmtpSender sender) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct)
        {
            try
            {
                await sender.ProbeAsync(ct);
                return HealthCheckResult.Healthy("reachable");
            }
            catch (Exception e) { return HealthCheckResult.Unhealthy(e.Message); }
        }
    }
}
