using CareFlows.Server.Consent;
using CareFlows.Server.Customers;
using CareFlows.Server.Consent.PreferencePage;
using CareFlows.Server.Definitions;
using CareFlows.Server.Delivery;
using CareFlows.Server.Designer;
using CareFlows.Server.Flows;
using CareFlows.Server.Health;
using CareFlows.Server.Hosting;
using CareFlows.Server.Simulation;
using CareFlows.Server.Telemetry;
using CareFlows.Server.Watching;
using Microsoft.AspNetCore.HttpOverrides;

var builder = WebApplication.CreateBuilder(args);
ShippedSecrets.RefuseOutsideDevelopment(builder.Environment, builder.Configuration);
// No API takes more than a flow file; anything larger is refused before it is read (Api:MaxRequestBytes).
builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = builder.Configuration.GetValue("Api:MaxRequestBytes", 1024 * 1024));
var services = builder.Services;
services.AddSingleton(TimeProvider.System);
services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(45));
services.AddCareFlowsTelemetry(builder.Configuration);
services.AddCareFlowsStore(builder.Configuration);
services.AddCareFlowsDelivery(builder.Configuration);
services.AddCareFlowsConsent(builder.Configuration);
services.AddCareFlowsFlows(builder.Configuration);
services.AddCareFlowsMessaging(builder.Configuration);
services.AddCareFlowsHealth();
services.AddCareFlowsAuthentication(builder.Configuration);
services.AddSingleton<FlowStatistics>();
services.AddCustomers();
services.AddProblemDetails();
services.AddOpenApi(o => o.AddDocumentTransformer<OpenApiSecurity>());
services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));

var app = builder.Build();
// Behind a reverse proxy (ForwardedHeaders:KnownProxies), the client's address and scheme are the proxy's to tell:
// so the sign-in limit counts clients, not the proxy, and cookies are Secure when the customer used HTTPS.
app.UseForwardedHeaders(ForwardedHeadersFrom(app.Configuration));
app.UseCareFlowsSecurityHeaders();
app.UseCrossSiteRequestGuard();
app.UseRateLimiter();
app.UseAuthentication();
app.UseAuthorization();
app.MapCareFlowsHealth();
// /openapi/v1.json: open on a developer's machine, behind the API key anywhere else (it maps the whole attack surface).
var openApi = app.MapOpenApi();
if (!app.Environment.IsDevelopment()) openApi.RequireAuthorization();
app.MapDefinitionEndpoints();
app.MapSimulationEndpoints();
app.MapTemplateEndpoints();
app.MapMessageLogEndpoints();
app.MapConsentEndpoints();
app.MapCustomerEndpoints();
app.MapPreferencePage();
app.MapWatchEndpoints();
app.MapDesignerEndpoints();
app.MapDesignerSite();
app.MapGet("/", () => Results.Text("CareFlows is running. The designer is at /designer/; see also /health, and /openapi/v1.json for the API."));
app.Run();

static ForwardedHeadersOptions ForwardedHeadersFrom(IConfiguration configuration)
{
    var options = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto };
    foreach (var proxy in configuration.GetSection("ForwardedHeaders:KnownProxies").Get<string[]>() ?? [])
        options.KnownProxies.Add(System.Net.IPAddress.Parse(proxy));
    return options;
}

/// <summary>Entry point, public for WebApplicationFactory-style hosting in tests.</summary>
public partial class Program;
