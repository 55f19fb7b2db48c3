using CareFlows.Server.Consent;
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

var builder = WebApplication.CreateBuilder(args);
ShippedSecrets.RefuseOutsideDevelopment(builder.Environment, builder.Configuration);
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
services.AddProblemDetails();
services.AddOpenApi();
services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));

var app = builder.Build();
app.UseAuthentication();
app.UseAuthorization();
app.MapCareFlowsHealth();
app.MapOpenApi(); // /openapi/v1.json
app.MapDefinitionEndpoints();
app.MapSimulationEndpoints();
app.MapTemplateEndpoints();
app.MapMessageLogEndpoints();
app.MapConsentEndpoints();
app.MapPreferencePage();
app.MapWatchEndpoints();
app.MapDesignerEndpoints();
app.MapDesignerSite();
app.MapGet("/", () => Results.Text("CareFlows is running. The designer is at /designer/; see also /health, and /openapi/v1.json for the API."));
app.Run();

/// <summary>Entry point, public for WebApplicationFactory-style hosting in tests.</summary>
public partial class Program;
