namespace CareFlows.Engine;

public static class FolderSearch
{
    /// <summary>
    /// <paramref name="folder"/> in <paramref name="start"/> or the nearest parent that has it: how the server, the CLI,
    /// the tests and the benchmark find the repository's templates/ and workflows/ from wherever they run.
    /// </summary>
    public static string Up(string start, string folder)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, folder);
            if (Directory.Exists(candidate)) return candidate;
        }
        throw new DirectoryNotFoundException($"No '{folder}' folder in {start} or above it; set its path in configuration");
    }
}
