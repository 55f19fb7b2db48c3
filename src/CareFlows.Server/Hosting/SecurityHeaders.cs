namespace CareFlows.Server.Hosting;

/// <summary>
/// Headers on every response. The customer pages carry a signed token in their URL, so nothing may leak it onward
/// (no Referer) or keep it (no-store); no page of CareFlows may be framed (clickjacking a one-click unsubscribe).
/// Styles may be inline (the pages' own style blocks, React Flow's positioning); scripts only from this server.
/// </summary>
public static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' https: data:; " +
        "connect-src 'self'; form-action 'self'; base-uri 'none'; object-src 'none'; frame-ancestors 'none'";

    private static readonly string[] CustomerPages = ["/preferences", "/unsubscribe", "/confirm"];

    public static IApplicationBuilder UseCareFlowsSecurityHeaders(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            if (CustomerPages.Any(p => context.Request.Path.StartsWithSegments(p))) headers.CacheControl = "no-store";
            return Task.CompletedTask;
        });
        await next();
    });
}
