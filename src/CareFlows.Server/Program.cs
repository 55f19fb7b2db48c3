using CareFlows.Server;
using CareFlows.Server.Care;
using CareFlows.Server.Consent;
using CareFlows.Server.Consent.PreferencePage;
using CareFlows.Server.Customers;
using CareFlows.Server.Definitions;
using CareFlows.Server.Delivery;
using CareFlows.Server.Delivery.Caps;
using CareFlows.Server.Designer;
using CareFlows.Server.Discounts;
using CareFlows.Server.Feedback;
using CareFlows.Server.Flows;
using CareFlows.Server.Health;
using CareFlows.Server.Hosting;
using CareFlows.Server.Inbound;
using CareFlows.Server.Orders;
using CareFlows.Server.Simulation;
using CareFlows.Server.Telemetry;
using CareFlows.Server.Templates;
using CareFlows.Server.Tracking;
using CareFlows.Server.Watching;

var builder = WebApplication.CreateBuilder(args);
var configuration = builder.Configuration;
ShippedSecrets.RefuseOutsideDevelopment(builder.Environment, configuration);
builder.WebHost.UseCareFlowsRequestLimits(configuration);
var services = builder.Services;
services.AddCareFlowsHosting(configuration);
services.AddCareFlowsStore(configuration, (dataSource, logging) => CareFlowsStore.OptionsFor(dataSource, logging));

// The features, lowest room first: each depends only on those above it in this list.
services.AddDelivery(configuration);
services.AddTemplates(configuration);
services.AddDefinitions();
services.AddConsent(configuration);
services.AddCare(configuration);
services.AddTracking(configuration);
services.AddDiscounts();
services.AddFlows(configuration);
services.AddOrders();
services.AddFeedback();
services.AddInbound(configuration);
services.AddCustomers();
services.AddWatching();
services.AddDesigner(configuration);
services.AddCareFlowsHealth();
services.AddCareFlowsMessaging(configuration); // last: it reads the queues the features registered

var app = builder.Build();
app.UseCareFlowsPipeline();
app.MapCareFlowsHealth();
app.MapCareFlowsOpenApi();
app.MapDefinitionEndpoints();
app.MapSimulationEndpoints();
app.MapTestSendEndpoints();
app.MapFrequencyCapEndpoints();
app.MapTemplateEndpoints();
app.MapMessageLogEndpoints();
app.MapConsentEndpoints();
app.MapCustomerEndpoints();
app.MapPreferencePage();
app.MapRatingPage();
app.MapClickEndpoints();
app.MapFeedbackEndpoints();
app.MapWatchEndpoints();
app.MapDesignerEndpoints();
app.MapDesignerSite();
app.MapGet("/", () => Results.Text("CareFlows is running. The designer is at /designer/; see also /health, and /openapi/v1.json for the API."));
app.Run();

/// <summary>Entry point, public for WebApplicationFactory-style hosting in tests.</summary>
public partial class Program;
