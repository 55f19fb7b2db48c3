using CareFlows.Server.Hosting;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;

namespace CareFlows.Server.Designer;

/// <summary>
/// Two ways into the management API: the API key (shops, scripts, tests) or the designer's sign-in cookie
/// (marketers in the browser). The default policy accepts either; the preference page stays anonymous.
/// </summary>
public static class DesignerAuthentication
{
    public const string CookieScheme = "DesignerCookie";

    public static IServiceCollection AddCareFlowsAuthentication(this IServiceCollection services, IConfiguration configuration)
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
                cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                cookie.ExpireTimeSpan = options.SessionLifetime;
                cookie.SlidingExpiration = true;
                // The cookie handler redirects to a login page by default; an API answers 401/403 instead.
                cookie.Events.OnRedirectToLogin = context => { context.Response.StatusCode = StatusCodes.Status401Unauthorized; return Task.CompletedTask; };
                cookie.Events.OnRedirectToAccessDenied = context => { context.Response.StatusCode = StatusCodes.Status403Forbidden; return Task.CompletedTask; };
            });
        services.AddAuthorization(authorization => authorization.DefaultPolicy =
            new AuthorizationPolicyBuilder(ApiKeyAuthentication.SchemeName, CookieScheme).RequireAuthenticatedUser().Build());
        return services;
    }
}
