namespace CareFlows.Server.Hosting;

public static class ProjectPaths
{
    /// <summary>
    /// A configured path wins; otherwise the folder is looked for in the content root and then in its parents,
    /// so `dotnet run` from src/CareFlows.Server, the tests' bin folder and the container (/app) all find
    /// the repository's templates/ and workflows/.
    /// </summary>
    public static string Find(string contentRoot, string? configured, string folder) =>
        string.IsNullOrWhiteSpace(configured) ? Engine.FolderSearch.Up(contentRoot, folder) : Path.GetFullPath(configured, contentRoot);
}
