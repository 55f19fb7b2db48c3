using CareFlows.Server.Hosting;
using Microsoft.AspNetCore.Authentication.Cookies;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.RateLimiting;

namespace CareFlows.Server.Designer;

/// <summary>
/// Two ways into the management API: the API key (shops, scripts, tests) or the designer's sign-in cookie
/// (marketers in the browser). The default policy accepts either; the preference page stays anonymous.
/// </summary>
public static class DesignerAuthentication
{
    public const string CookieScheme = "DesignerCookie";
    public const string SignInPolicy = "designer-sign-in";

    public static IServiceCollection AddDesigner(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(DesignerOptions.Section).Get<DesignerOptions>() ?? new DesignerOptions();
        services.AddSingleton(options);
        services.AddAuthentication(ApiKeyAuthentication.SchemeName)
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, ApiKeyAuthentication>(ApiKeyAuthentication.SchemeName, null)
            .AddCookie(CookieScheme, cookie =>
            {
                cookie.Cookie.Name = "careflows.designer";
                cookie.Cookie.HttpOnly = true;
                // Strict: a page on another site cannot make the browser send it, which is the designer's CSRF guard.
                cookie.Cookie.SameSite = SameSiteMode.Strict;
                // Secure whenever the request came over HTTPS, also through a reverse proxy (see UseCareFlowsForwardedHeaders).
                cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                cookie.ExpireTimeSpan = options.SessionLifetime;
                cookie.SlidingExpiration = true;
                // The cookie handler redirects to a login page by default; an API answers 401/403 instead.
                // The cookie is only a pointer to a session row: signed out or made under an old password, it opens nothing.
                cookie.Events.OnValidatePrincipal = async context =>
                {
                    var sessionId = context.Principal?.FindFirst(DesignerSession.IdClaim)?.Value;
                    var store = context.HttpContext.RequestServices.GetRequiredService<Marten.IDocumentStore>();
                    var current = context.HttpContext.RequestServices.GetRequiredService<DesignerOptions>();
                    await using var session = store.QuerySession();
                    var stored = sessionId is null ? null : await session.LoadAsync<DesignerSession>(sessionId, context.HttpContext.RequestAborted);
                    if (stored is null || stored.PasswordStamp != DesignerSession.StampOf(current.Password, stored.Id)) context.RejectPrincipal();
                };
                cookie.Events.OnRedirectToLogin = context => { context.Response.StatusCode = StatusCodes.Status401Unauthorized; return Task.CompletedTask; };
                cookie.Events.OnRedirectToAccessDenied = context => { context.Response.StatusCode = StatusCodes.Status403Forbidden; return Task.CompletedTask; };
            });
        // Guessing passwords costs a minute per handful: a fixed window per client address.
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = (context, _) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = "60";
                return ValueTask.CompletedTask;
            };
            limiter.AddPolicy(SignInPolicy, http => RateLimitPartition.GetFixedWindowLimiter(
                http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = Math.Max(1, options.SignInAttemptsPerMinute), Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
        });
        services.AddDataProtection().SetApplicationName("CareFlows");
        services.AddOptions<Microsoft.AspNetCore.DataProtection.KeyManagement.KeyManagementOptions>()
            .Configure<Npgsql.NpgsqlDataSource>((keys, dataSource) => keys.XmlRepository = new PostgresXmlRepository(dataSource));
        services.AddAuthorization(authorization => authorization.DefaultPolicy =
            new AuthorizationPolicyBuilder(ApiKeyAuthentication.SchemeName, CookieScheme).RequireAuthenticatedUser().Build());
        return services;
    }
}
