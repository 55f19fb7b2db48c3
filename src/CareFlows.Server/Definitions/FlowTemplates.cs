using CareFlows.Engine.Definitions;
using CareFlows.Server.Hosting;

namespace CareFlows.Server.Definitions;

public sealed record FlowTemplate(string Id, string Name, string? Description, FlowDefinition Definition);

/// <summary>
/// Ready-made starting points for "New flow": each a flow file in workflows/templates/ that the designer copies into a
/// new draft under the marketer's own name. Never published by themselves (the importer reads workflows/ only).
/// </summary>
public sealed class FlowTemplates(IHostEnvironment environment, IConfiguration configuration, ILogger<FlowTemplates> log)
{
    public IReadOnlyList<FlowTemplate> All()
    {
        var folder = Path.Combine(ProjectPaths.Find(environment.ContentRootPath, configuration["Flows:WorkflowsPath"], "workflows"), "templates");
        if (!Directory.Exists(folder)) return [];
        var templates = new List<FlowTemplate>();
        foreach (var file in Directory.EnumerateFiles(folder, "*.json").Order())
        {
            var parsed = DefinitionJson.Parse(File.ReadAllText(file), Path.GetFileName(file));
            if (parsed.Definition is not { } d)
            {
                log.LogError("Flow template {File} does not parse: {Faults}", Path.GetFileName(file), string.Join("; ", parsed.Faults));
                continue;
            }
            templates.Add(new FlowTemplate(d.Id, d.Name, d.Description, d));
        }
        return templates;
    }
}
