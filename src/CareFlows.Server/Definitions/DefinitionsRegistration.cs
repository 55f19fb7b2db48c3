using Marten;

namespace CareFlows.Server.Definitions;

/// <summary>Flow definitions: drafts, published versions, validation, and the files in workflows/ published at start-up.</summary>
public static class DefinitionsRegistration
{
    public static IServiceCollection AddDefinitions(this IServiceCollection services)
    {
        services.AddSingleton<DefinitionValidation>();
        services.AddSingleton<FlowCatalog>();
        services.AddSingleton<FlowPublisher>();
        services.AddSingleton<FlowDrafts>();
        services.AddSingleton<FlowTemplates>();
        services.AddSingleton<WorkflowFileImporter>();
        services.AddHostedService(sp => sp.GetRequiredService<WorkflowFileImporter>());
        return services;
    }

    public static void ConfigureStore(StoreOptions options)
    {
        options.Schema.For<StoredFlow>().UseOptimisticConcurrency(true);
        options.Schema.For<FlowVersion>().Index(v => v.FlowId);
    }
}
