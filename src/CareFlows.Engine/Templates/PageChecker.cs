using System.Text.Json;

namespace CareFlows.Engine.Templates;

/// <summary>
/// What could stop a customer page (templates/_pages) from showing: a page that does not parse or render, and a
/// language whose texts lack a word the English ones have (the page would show the key instead). Each fault names
/// its file. <c>careflows check-templates</c> asks this beside the message templates.
/// </summary>
public sealed class PageChecker(TemplateCatalog catalog)
{
    // Every name any page reads, with sample values: a superset, since the sandbox refuses unknown names only.
    private static readonly Dictionary<string, object?> SampleModel = new()
    {
        ["token"] = "sample.token",
        ["email"] = "ada@example.com",
        ["notice"] = "",
        ["text"] = "sample text",
        ["max_comment"] = 2000,
        ["scores"] = new List<Dictionary<string, object?>>
        {
            new() { ["score"] = 1, ["face"] = "x", ["label"] = "Very unhappy", ["checked"] = true },
        },
        ["choices"] = new List<Dictionary<string, object?>>
        {
            new() { ["key"] = "service", ["label"] = "Service", ["hint"] = "hint", ["checked"] = true, ["awaiting"] = true },
        },
    };

    public IReadOnlyList<string> Check()
    {
        var folder = Path.Combine(catalog.Root, "_pages");
        if (!Directory.Exists(folder)) return [];
        var faults = new List<string>();
        var textsFolder = Path.Combine(folder, "texts");
        var english = Keys(Path.Combine(textsFolder, "en.json"), faults);
        var locales = Directory.Exists(textsFolder) ? Directory.EnumerateFiles(textsFolder, "*.json").Select(Path.GetFileNameWithoutExtension).OfType<string>().Order().ToList() : [];
        foreach (var locale in locales.Where(l => l != "en"))
        {
            var missing = english.Except(Keys(Path.Combine(textsFolder, $"{locale}.json"), faults)).Order().ToList();
            if (missing.Count > 0) faults.Add($"_pages/texts/{locale}.json : error : lacks {string.Join(", ", missing)} (English has them)");
        }
        var renderer = new PageRenderer(catalog, new ShopOptions());
        var pages = Directory.EnumerateFiles(folder, "*.sbn").Select(Path.GetFileNameWithoutExtension).OfType<string>().Where(p => p != "layout").Order();
        foreach (var page in pages)
            foreach (var locale in locales.DefaultIfEmpty("en"))
            {
                try { renderer.Render(page, locale, "title", SampleModel); }
                catch (TemplateInvalidException e) { faults.AddRange(e.Errors); }
                catch (TemplateNotFoundException e) { faults.Add(e.Message); }
            }
        return faults.Distinct().ToList();
    }

    private static IReadOnlyCollection<string> Keys(string path, List<string> faults)
    {
        if (!File.Exists(path)) return [];
        try { return JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(path))?.Keys ?? (IReadOnlyCollection<string>)[]; }
        catch (JsonException e)
        {
            faults.Add($"{Path.GetFileName(path)} : error : not a JSON object of texts ({e.Message})");
            return [];
        }
    }
}
