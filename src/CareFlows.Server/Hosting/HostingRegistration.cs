using CareFlows.Server.Telemetry;
using Microsoft.AspNetCore.HttpOverrides;

namespace CareFlows.Server.Hosting;

/// <summary>What every request and every feature stands on: the clock, telemetry, JSON, OpenAPI, and the HTTP pipeline's guards.</summary>
public static class HostingRegistration
{
    public static IServiceCollection AddCareFlowsHosting(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(TimeProvider.System);
        services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(45));
        services.AddCareFlowsTelemetry(configuration);
        services.AddProblemDetails();
        services.AddOpenApi(o => o.AddDocumentTransformer<OpenApiSecurity>());
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));
        return services;
    }

    /// <summary>No API takes more than a flow file; anything larger is refused before it is read (Api:MaxRequestBytes).</summary>
    public static IWebHostBuilder UseCareFlowsRequestLimits(this IWebHostBuilder host, IConfiguration configuration) =>
        host.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = configuration.GetValue("Api:MaxRequestBytes", 1024 * 1024));

    public static WebApplication UseCareFlowsPipeline(this WebApplication app)
    {
        // Behind a reverse proxy (ForwardedHeaders:KnownProxies), the client's address and scheme are the proxy's to
        // tell: so the sign-in limit counts clients, not the proxy, and cookies are Secure when the customer used HTTPS.
        app.UseForwardedHeaders(ForwardedHeadersFrom(app.Configuration));
        app.UseCareFlowsSecurityHeaders();
        app.UseCrossSiteRequestGuard();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        return app;
    }

    /// <summary>/openapi/v1.json: open on a developer's machine, behind the API key anywhere else (it maps the whole attack surface).</summary>
    public static WebApplication MapCareFlowsOpenApi(this WebApplication app)
    {
        var openApi = app.MapOpenApi();
        if (!app.Environment.IsDevelopment()) openApi.RequireAuthorization();
        return app;
    }

    private static ForwardedHeadersOptions ForwardedHeadersFrom(IConfiguration configuration)
    {
        var options = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto };
        foreach (var proxy in configuration.GetSection("ForwardedHeaders:KnownProxies").Get<string[]>() ?? [])
            options.KnownProxies.Add(System.Net.IPAddress.Parse(proxy));
        return options;
    }
}
