using System.Text.Json;
using CareFlows.Server.Delivery.Outbox;
using CareFlows.Server.Delivery.Smtp;
using CareFlows.Server.Designer;
using CareFlows.Server.Hosting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace CareFlows.Server.Health;

/// <summary>
/// /health: PostgreSQL, RabbitMQ (MassTransit registers its bus check by itself), SMTP and the mail backlog, each by
/// name. Anyone (a load balancer) learns healthy or not; only a caller with the API key or the designer's sign-in sees
/// each check and its reason, since reasons name hosts and ports. The report is cached for a few seconds, so a busy
/// prober does not open an SMTP session per call.
/// </summary>
public static class HealthEndpoints
{
    public static IServiceCollection AddCareFlowsHealth(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck<PostgresHealthCheck>("postgresql", tags: ["ready"])
            .AddCheck<SmtpHealthCheck>("smtp", tags: ["ready"])
            .AddCheck<MailBacklogHealthCheck>("mail-backlog");
        services.AddSingleton<CachedHealthReport>();
        return services;
    }

    public static IEndpointRouteBuilder MapCareFlowsHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health", async (HttpContext http, CachedHealthReport health, CancellationToken ct) =>
        {
            var report = await health.GetAsync(ct);
            var status = report.Status == HealthStatus.Unhealthy ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status200OK;
            http.Response.Headers.CacheControl = "no-store";
            if (!await IsSignedInAsync(http)) return Results.Json(new { status = report.Status.ToString() }, statusCode: status);
            return Results.Json(new
            {
                status = report.Status.ToString(),
                checks = report.Entries.ToDictionary(e => e.Key, e => new
                {
                    status = e.Value.Status.ToString(),
                    description = e.Value.Description ?? e.Value.Exception?.Message,
                    durationMs = (int)e.Value.Duration.TotalMilliseconds,
                }),
            }, JsonSerializerOptions.Web, statusCode: status);
        }).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    private static async Task<bool> IsSignedInAsync(HttpContext http) =>
        (await http.AuthenticateAsync(ApiKeyAuthentication.SchemeName)).Succeeded
        || (await http.AuthenticateAsync(DesignerAuthentication.CookieScheme)).Succeeded;

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

    // Mail that backs up is a problem before any part is down: a customer waits for their confirmation.
    private sealed class MailBacklogHealthCheck(OutboxStore outbox, DeliveryOptions options, TimeProvider clock) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct)
        {
            var backlog = await outbox.BacklogAsync(clock.GetUtcNow(), ct);
            var text = $"{backlog.Due} message(s) due; the oldest has waited {backlog.OldestDueAge.TotalSeconds:0} s";
            return backlog.OldestDueAge > options.BacklogWarning ? HealthCheckResult.Degraded($"mail is backing up: {text}") : HealthCheckResult.Healthy(text);
        }
    }
}
