using CareFlows.Server.Delivery;
using CareFlows.Server.Flows;
using CareFlows.Server.Health;
using CareFlows.Server.Hosting;
using CareFlows.Server.Telemetry;

var builder = WebApplication.CreateBuilder(args);
var services = builder.Services;
services.AddSingleton(TimeProvider.System);
services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(45));
services.AddCareFlowsTelemetry(builder.Configuration);
services.AddCareFlowsStore(builder.Configuration);
services.AddCareFlowsDelivery(builder.Configuration);
services.AddCareFlowsFlows(builder.Configuration);
services.AddCareFlowsMessaging(builder.Configuration);
services.AddCareFlowsHealth();

var app = builder.Build();
app.MapCareFlowsHealth();
app.MapGet("/", () => Results.Text("CareFlows is running. See /health."));
app.Run();

/// <summary>Entry point, public for WebApplicationFactory-style hosting in tests.</summary>
public partial class Program;
