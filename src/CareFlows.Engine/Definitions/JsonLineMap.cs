using System.Text;
using System.Text.Json;

namespace CareFlows.Engine.Definitions;

/// <summary>
/// Maps each JSON path of a document ("$.activities[2].properties.duration") to the 1-based line it starts on,
/// so a fault found in the parsed model can point at the line of the file that holds it.
/// </summary>
public sealed class JsonLineMap
{
    private readonly Dictionary<string, int> _lines = new(StringComparer.Ordinal);

    private JsonLineMap() { }

    public static JsonLineMap Build(string json)
    {
        var map = new JsonLineMap();
        var utf8 = Encoding.UTF8.GetBytes(json);
        var newlines = new List<long>();
        for (var i = 0; i < utf8.Length; i++) if (utf8[i] == (byte)'\n') newlines.Add(i);
        int LineAt(long offset) { var index = newlines.BinarySearch(offset); return (index < 0 ? ~index : index) + 1; }

        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var containers = new Stack<(string Path, bool IsArray, int NextIndex)>();
        var propertyPath = "$";
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType == JsonTokenType.PropertyName)
                {
                    propertyPath = $"{containers.Peek().Path}.{reader.GetString()}";
                    map._lines[propertyPath] = LineAt(reader.TokenStartIndex);
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
                map._lines.TryAdd(path, LineAt(reader.TokenStartIndex));
                if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                    containers.Push((path, reader.TokenType == JsonTokenType.StartArray, 0));
            }
        }
        catch (JsonException) { /* a broken document: the parser reports it with its own line */ }
        return map;
    }

    /// <summary>The line of the path, or of its nearest ancestor that the document has.</summary>
    public int? LineOf(string path)
    {
        for (var p = path; p.Length > 0; p = Parent(p))
            if (_lines.TryGetValue(p, out var line)) return line;
        return null;
    }

    private static string Parent(string path)
    {
        var cut = Math.Max(path.LastIndexOf('.'), path.LastIndexOf('['));
        return cut <= 0 ? (path == "$" ? "" : "$") : path[..cut];
    }
}
