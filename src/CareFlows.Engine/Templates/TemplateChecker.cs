using CareFlows.Engine.Simulation;

namespace CareFlows.Engine.Templates;

/// <summary>
/// Everything that could stop a message template from rendering for a real customer, in every locale it exists in:
/// syntax errors, names its model lacks (in every branch), and errors rendering it for the sample order. Each fault
/// names the file, line and column. Publishing a flow asks this for each template it sends; so does
/// <c>careflows check-templates</c>, for templates edited as files.
/// </summary>
public sealed class TemplateChecker(TemplateCatalog catalog, MessageRenderer renderer)
{
    public bool Exists(string name) => catalog.Exists(name);

    public IReadOnlyList<string> Check(string name, DateTimeOffset now)
    {
        if (!catalog.Exists(name)) return [$"no template '{name}' under {catalog.Root}"];
        var data = SampleOrder.Data(now);
        var faults = new List<string>();
        foreach (var locale in catalog.All()[name])
        {
            var order = SampleOrder.Create(locale: locale, placedAt: now);
            try
            {
                var unknown = renderer.UnknownNames(name, order, data);
                faults.AddRange(unknown);
                if (unknown.Count == 0) renderer.Render(name, order, data); // what only running it shows: a bad argument, a timeout
            }
            catch (TemplateInvalidException e) { faults.AddRange(e.Errors); }
            catch (TemplateNotFoundException e) { faults.Add(e.Message); }
        }
        return faults.Distinct().ToList();
    }

    /// <summary>Every message template's faults (templates without any are left out).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> CheckAll(DateTimeOffset now) =>
        catalog.All().Keys.Select(name => (name, faults: Check(name, now))).Where(x => x.faults.Count > 0).ToDictionary(x => x.name, x => x.faults);
}
