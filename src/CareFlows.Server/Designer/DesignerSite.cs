using CareFlows.Server.Hosting;
using Microsoft.Extensions.FileProviders;

namespace CareFlows.Server.Designer;

/// <summary>
/// Serves the built designer (a React app) under /designer. The page itself is public, like any sign-in page;
/// everything it shows comes from the API, which needs the sign-in.
/// </summary>
public static class DesignerSite
{
    public static WebApplication MapDesignerSite(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<DesignerOptions>();
        var dist = TryFind(app.Environment.ContentRootPath, options.DistPath);
        if (dist is null || !File.Exists(Path.Combine(dist, "index.html")))
        {
            app.Logger.LogWarning("The designer is not built (no src/CareFlows.Designer/dist); run scripts/designer.sh");
            app.MapGet("/designer/{**rest}", () => Results.Text(
                "The designer has not been built. Run scripts/designer.sh (run.sh does it for you), then reload.", statusCode: 503));
            return app;
        }
        var files = new PhysicalFileProvider(dist);
        app.UseStaticFiles(new StaticFileOptions { FileProvider = files, RequestPath = "/designer" });
        // Routing ignores a trailing slash: "/designer" and "/designer/" both land here, and only the first needs sending on.
        app.MapGet("/designer", (HttpContext http) => http.Request.Path.Value!.EndsWith('/')
            ? Results.File(Path.Combine(dist, "index.html"), "text/html")
            : Results.Redirect("/designer/"));
        // Other /designer paths without a file extension are the app itself (it routes by hash). Files (assets/*.js)
        // must match no endpoint: the static-file middleware steps aside for any request that has one.
        app.MapFallbackToFile("/designer/{**rest:nonfile}", "index.html", new StaticFileOptions { FileProvider = files });
        return app;
    }

    private static string? TryFind(string contentRoot, string configured)
    {
        try { return ProjectPaths.Find(contentRoot, configured, Path.Combine("src", "CareFlows.Designer", "dist")); }
        catch (DirectoryNotFoundException) { return null; }
    }
}
