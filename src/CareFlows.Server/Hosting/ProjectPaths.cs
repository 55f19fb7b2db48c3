namespace CareFlows.Server.Hosting;

public static class ProjectPaths
{
    /// <summary>
    /// A configured path wins; otherwise the folder is looked for in the content root and then in its parents,
    /// so `dotnet run` from src/CareFlows.Server, the tests' bin folder and the container (/app) all find
    /// the repository's templates/ and workflows/.
    /// </summary>
    public static string Find(string contentRoot, string? configured, string folder)
    {
        if (!string.IsNullOrWhiteSpace(configured)) return Path.GetFullPath(configured, contentRoot);
        for (var dir = new DirectoryInfo(contentRoot); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, folder);
            if (Directory.Exists(candidate)) return candidate;
        }
        throw new DirectoryNotFoundException($"No '{folder}' folder in {contentRoot} or above it; set its path in configuration");
    }
}
