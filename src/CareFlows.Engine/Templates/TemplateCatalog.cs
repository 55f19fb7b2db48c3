using System.Collections.Concurrent;
using Scriban;

namespace CareFlows.Engine.Templates;

public enum TemplatePart { Subject, Html, Text }

/// <summary>
/// The Scriban templates under one folder, parsed once per file version:
/// <c>{message}/{locale}/{subject|html|text}.sbn</c>, layouts in <c>_layout/{html|text}.sbn</c> and partials in
/// <c>_partials/{name}.sbn</c>. A locale falls back along its chain (de-AT, de, the shop's default, en).
/// </summary>
public sealed class TemplateCatalog(string root, string defaultLocale)
{
    private readonly ConcurrentDictionary<string, (DateTime Stamp, Template Template, string Hash)> _parsed = new();

    public string Root { get; } = Path.GetFullPath(root);

    public Template Message(string name, string locale, TemplatePart part) => Parse(PathOf(name, locale, part));

    /// <summary>
    /// Which locale a customer's locale resolves to for a message, and a version that changes whenever one of its
    /// three files does (the first 12 hex digits of a SHA-256 over them): what the message log records.
    /// </summary>
    public (string Locale, string Version) Identify(string name, string locale)
    {
        var paths = Enum.GetValues<TemplatePart>().Select(part => PathOf(name, locale, part)).ToList();
        foreach (var path in paths) Parse(path);
        var hashes = string.Concat(paths.Select(path => _parsed[path].Hash));
        var version = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.ASCII.GetBytes(hashes)))[..12];
        return (Path.GetFileName(Path.GetDirectoryName(paths[1]))!, version);
    }

    private string PathOf(string name, string locale, TemplatePart part)
    {
        RequireSafeName(name);
        foreach (var candidate in LocaleChain(locale, defaultLocale))
        {
            var path = Path.GetFullPath(Path.Combine(Root, name, candidate, $"{part.ToString().ToLowerInvariant()}.sbn"));
            // LocaleChain holds language tags only; this is the second lock on the same door.
            if (!path.StartsWith(Root + Path.DirectorySeparatorChar, StringComparison.Ordinal)) continue;
            if (File.Exists(path)) return path;
        }
        throw new TemplateNotFoundException($"No template '{name}' ({part.ToString().ToLowerInvariant()}) for locale '{locale}' under {Root}");
    }

    public bool Exists(string name) => IsSafeName(name) && Directory.Exists(Path.Combine(Root, name));

    /// <summary>Every message template and the locales it exists in.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> All() =>
        Directory.EnumerateDirectories(Root)
            .Select(Path.GetFileName)
            .Where(name => name is not null && !name.StartsWith('_') && IsSafeName(name))
            .Order()
            .ToDictionary(name => name!, name => (IReadOnlyList<string>)Directory.EnumerateDirectories(Path.Combine(Root, name!)).Select(d => Path.GetFileName(d)!).Order().ToList());

    /// <summary>A customer page's markup: <c>_pages/{name}.sbn</c> (one for every locale: the words are in the page texts).</summary>
    public Template Page(string name)
    {
        RequireSafeName(name);
        var path = Path.Combine(Root, "_pages", $"{name}.sbn");
        return File.Exists(path) ? Parse(path) : throw new TemplateNotFoundException($"No page '{name}' under {Root}/_pages");
    }

    /// <summary>
    /// The customer pages' words for a locale, <c>_pages/texts/{tag}.json</c>, along the same fallback chain as messages:
    /// en first, then the shop's default, the language and the region laid over it, so a missing word falls back.
    /// Returns the tag the words mostly came from (for the page's lang attribute).
    /// </summary>
    public (string Language, IReadOnlyDictionary<string, string> Texts) PageTexts(string locale)
    {
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        var language = "en";
        foreach (var tag in LocaleChain(locale, defaultLocale).Reverse())
        {
            var path = Path.Combine(Root, "_pages", "texts", $"{tag}.json");
            if (!File.Exists(path)) continue;
            var stamp = File.GetLastWriteTimeUtc(path);
            if (!_pageTexts.TryGetValue(path, out var cached) || cached.Stamp != stamp)
                _pageTexts[path] = cached = (stamp, System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(path)) ?? []);
            foreach (var (key, value) in cached.Texts) texts[key] = value;
            language = tag;
        }
        return (language, texts);
    }

    private readonly ConcurrentDictionary<string, (DateTime Stamp, Dictionary<string, string> Texts)> _pageTexts = new();

    public Template Layout(TemplatePart part) => Parse(Path.Combine(Root, "_layout", $"{part.ToString().ToLowerInvariant()}.sbn"));

    public Template Partial(string name)
    {
        RequireSafeName(name);
        var path = Path.Combine(Root, "_partials", $"{name}.sbn");
        return File.Exists(path) ? Parse(path) : throw new TemplateNotFoundException($"No partial '{name}' under {Root}/_partials");
    }

    public IReadOnlyList<string> PartialNames()
    {
        var folder = Path.Combine(Root, "_partials");
        return Directory.Exists(folder) ? Directory.EnumerateFiles(folder, "*.sbn").Select(Path.GetFileNameWithoutExtension).OfType<string>().Order().ToList() : [];
    }

    /// <summary>"de-AT" -> de-AT, de, then the default's chain, then en; without repeats. A locale that is not a language tag is left out.</summary>
    public static IReadOnlyList<string> LocaleChain(string locale, string defaultLocale)
    {
        var chain = new List<string>();
        void AddWithParents(string tag)
        {
            if (!LanguageTags.IsValid(tag)) return;
            for (var t = tag.Trim(); t.Length > 0; t = t.Contains('-') ? t[..t.LastIndexOf('-')] : "")
                if (!chain.Contains(t, StringComparer.OrdinalIgnoreCase)) chain.Add(t);
        }
        AddWithParents(locale.Replace('_', '-'));
        AddWithParents(defaultLocale);
        AddWithParents("en");
        return chain;
    }

    private readonly ConcurrentDictionary<string, (DateTime Stamp, string Text)> _sources = new();

    /// <summary>
    /// Whether any part of a message template, in any locale, or the layout or a partial, reads a name of the model (such as <c>owner</c>): lets a
    /// sender skip looking up what the template never shows. Cached until a file of the template changes.
    /// </summary>
    public bool Reads(string name, string modelName)
    {
        if (!Exists(name)) return false;
        // The message's own parts, and the layout and partials every message is wrapped in.
        var files = new[] { name, "_layout", "_partials" }.Select(folder => Path.Combine(Root, folder)).Where(Directory.Exists)
            .SelectMany(folder => Directory.EnumerateFiles(folder, "*.sbn", SearchOption.AllDirectories)).Order().ToList();
        var stamp = files.Select(File.GetLastWriteTimeUtc).DefaultIfEmpty().Max();
        if (!_sources.TryGetValue(name, out var cached) || cached.Stamp != stamp)
            _sources[name] = cached = (stamp, string.Join('\n', files.Select(File.ReadAllText)));
        return System.Text.RegularExpressions.Regex.IsMatch(cached.Text, $@"\b{System.Text.RegularExpressions.Regex.Escape(modelName)}\.");
    }

    private Template Parse(string path)
    {
        var stamp = File.GetLastWriteTimeUtc(path);
        if (_parsed.TryGetValue(path, out var cached) && cached.Stamp == stamp) return cached.Template;
        var source = File.ReadAllText(path);
        var template = Template.Parse(source, Path.GetRelativePath(Root, path));
        if (template.HasErrors) throw new TemplateInvalidException(template.Messages.Select(m => m.ToString()).ToList());
        _parsed[path] = (stamp, template, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(source))));
        return template;
    }

    // Names come from flow definitions and template syntax: they must never climb out of the templates folder.
    private static bool IsSafeName(string name) =>
        name.Length > 0 && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    private static void RequireSafeName(string name)
    {
        if (!IsSafeName(name)) throw new TemplateNotFoundException($"'{name}' is not a template name (letters, digits, '-' and '_' only)");
    }
}

public sealed class TemplateNotFoundException(string message) : Exception(message);

/// <summary>A template that does not parse or render; each error reads "file(line,column) : error : text".</summary>
public sealed class TemplateInvalidException(IReadOnlyList<string> errors) : Exception(string.Join(Environment.NewLine, errors))
{
    public IReadOnlyList<string> Errors { get; } = errors;
}
