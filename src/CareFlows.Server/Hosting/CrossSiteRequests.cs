namespace CareFlows.Server.Hosting;

/// <summary>
/// A second CSRF guard beside the SameSite=Strict cookie: a request that changes something and rides on the designer's
/// cookie must come from a page of this site. Browsers say where a request comes from (Sec-Fetch-Site, Origin); a
/// request that says "another site" is refused. Requests without those headers are not from a browser page (scripts
/// with the API key, curl) and carry no ambient cookie worth forging. The customer pages' forms post to themselves.
/// </summary>
public static class CrossSiteRequests
{
    public static IApplicationBuilder UseCrossSiteRequestGuard(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var request = context.Request;
        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method) && !HttpMethods.IsOptions(request.Method)
            && request.Cookies.ContainsKey("careflows.designer") && IsCrossSite(request))
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            await context.Response.WriteAsync("A request from another site may not change anything here.");
            return;
        }
        await next();
    });

    private static bool IsCrossSite(HttpRequest request)
    {
        var site = request.Headers["Sec-Fetch-Site"].ToString();
        if (site.Length > 0) return site is not ("same-origin" or "none");
        var origin = request.Headers.Origin.ToString();
        return origin.Length > 0 && (!Uri.TryCreate(origin, UriKind.Absolute, out var uri)
            || !string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase));
    }
}
