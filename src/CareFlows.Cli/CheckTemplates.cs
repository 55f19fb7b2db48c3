using CareFlows.Engine;
using CareFlows.Engine.Templates;

namespace CareFlows.Cli;

/// <summary>careflows check-templates: what a flow's publish would refuse, for templates edited as files (e.g. before a commit).</summary>
public static class CheckTemplates
{
    public static int Run(string? templatesFolder)
    {
        var root = templatesFolder ?? FolderSearch.Up(Directory.GetCurrentDirectory(), "templates");
        var catalog = new TemplateCatalog(root, "en");
        var faults = new TemplateChecker(catalog, new MessageRenderer(catalog, new ShopOptions())).CheckAll(DateTimeOffset.UtcNow);
        var pageFaults = new PageChecker(catalog).Check();
        foreach (var fault in faults.Values.SelectMany(f => f).Concat(pageFaults).Distinct()) Console.Error.WriteLine(fault);
        var templates = catalog.All();
        Console.WriteLine(faults.Count == 0 && pageFaults.Count == 0
            ? $"{templates.Count} templates in {templates.Values.Sum(l => l.Count)} locale folders, and the customer pages, under {root}: no faults"
            : $"{faults.Count} of {templates.Count} templates{(pageFaults.Count > 0 ? " and the customer pages" : "")} under {root} have faults (paths above are relative to it)");
        return faults.Count == 0 && pageFaults.Count == 0 ? 0 : 1;
    }
}
