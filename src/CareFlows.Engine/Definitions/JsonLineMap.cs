using System.Text;
using System.Text.Json;

namespace CareFlows.Engine.Definitions;

/// <summary>
/// Finds the 1-based line each JSON path of a document ("$.activities[2].properties.duration") starts on, so a fault
/// found in the parsed model can point at the line of the file that holds it. Lines are looked up only for the paths
/// asked for (those with faults), in one pass, keeping nothing else: a large or deeply nested document costs one scan,
/// not a path string per token held in memory.
/// </summary>
public sealed class JsonLineMap
{
    private readonly string _json;

    private JsonLineMap(string json) => _json = json;

    public static JsonLineMap Build(string json) => new(json);

    /// <summary>The line of the path, or of its nearest ancestor that the document has.</summary>
    public int? LineOf(string path) => LinesOf([path]).GetValueOrDefault(path);

    /// <summary>For each path, its line or its nearest ancestor's; a path the document lacks entirely is left out.</summary>
    public IReadOnlyDictionary<string, int> LinesOf(IReadOnlyCollection<string> paths)
    {
        var wanted = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in paths)
            for (var p = path; p.Length > 0; p = Parent(p)) wanted.Add(p);
        var found = Scan(wanted);
        var result = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var path in paths)
            for (var p = path; p.Length > 0; p = Parent(p))
                if (found.TryGetValue(p, out var line)) { result[path] = line; break; }
        return result;
    }

    private Dictionary<string, int> Scan(HashSet<string> wanted)
    {
        var found = new Dictionary<string, int>(StringComparer.Ordinal);
        var utf8 = Encoding.UTF8.GetBytes(_json);
        var newlines = new List<long>();
        for (var i = 0; i < utf8.Length; i++) if (utf8[i] == (byte)'\n') newlines.Add(i);
        int LineAt(long offset) { var index = newlines.BinarySearch(offset); return (index < 0 ? ~index : index) + 1; }
        void Note(string path, long offset) { if (wanted.Contains(path)) found.TryAdd(path, LineAt(offset)); }

        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var containers = new Stack<(string Path, bool IsArray, int NextIndex)>();
        var propertyPath = "$";
        try
        {
            while (reader.Read() && found.Count < wanted.Count)
            {
                if (reader.TokenType == JsonTokenType.PropertyName)
                {
                    propertyPath = $"{containers.Peek().Path}.{reader.GetString()}";
                    Note(propertyPath, reader.TokenStartIndex);
                    continue;
                }
                if (reader.TokenType is JsonTokenType.EndObject or JsonTokenType.EndArray)
                {
                    containers.Pop();
                    continue;
                }
                var path = propertyPath;
                if (containers.Count == 0) path = "$";
                else if (containers.Peek().IsArray)
                {
                    var array = containers.Pop();
                    path = $"{array.Path}[{array.NextIndex}]";
                    containers.Push(array with { NextIndex = array.NextIndex + 1 });
                }
                Note(path, reader.TokenStartIndex);
                if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                    containers.Push((path, reader.TokenType == JsonTokenType.StartArray, 0));
            }
        }
        catch (JsonException) { /* a broken document: the parser reports it with its own line */ }
        return found;
    }

    private static string Parent(string path)
    {
        var cut = Math.Max(path.LastIndexOf('.'), path.LastIndexOf('['));
        return cut <= 0 ? (path == "$" ? "" : "$") : path[..cut];
    }
}
