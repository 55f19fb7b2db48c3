namespace CareFlows.Tests.Templates;

/// <summary>A templates folder of a test's own, deleted afterwards; optionally with the shipped layouts and partials.</summary>
public sealed class TemplateFolder : IDisposable
{
    public string Root { get; } = Directory.CreateTempSubdirectory("careflows-templates-").FullName;

    public static TemplateFolder WithShippedLayouts()
    {
        var folder = new TemplateFolder();
        var shipped = TestData.RepositoryFolder("templates");
        foreach (var part in new[] { "_layout", "_partials" })
            foreach (var file in Directory.GetFiles(Path.Combine(shipped, part)))
                folder.Write(Path.Combine(part, Path.GetFileName(file)), File.ReadAllText(file));
        return folder;
    }

    /// <summary>A message's three parts in one locale; the HTML and text bodies default to a line of plain text.</summary>
    public void WriteMessage(string name, string locale, string subject = "Hello", string html = "<p>Hello</p>", string text = "Hello")
    {
        Write($"{name}/{locale}/subject.sbn", subject);
        Write($"{name}/{locale}/html.sbn", html);
        Write($"{name}/{locale}/text.sbn", text);
    }

    public void Write(string relative, string content)
    {
        var path = Path.Combine(Root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
    }

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
