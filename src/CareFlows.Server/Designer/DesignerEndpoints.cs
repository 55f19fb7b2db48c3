using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Authentication;

namespace CareFlows.Server.Designer;

public sealed record SignInRequest(string? Username, string? Password);
public sealed record SignedInUser(string Name);

/// <summary>Sign-in, sign-out and "who am I" for the designer page.</summary>
public static class DesignerEndpoints
{
    public static IEndpointRouteBuilder MapDesignerEndpoints(this IEndpointRouteBuilder app)
    {
        var designer = app.MapGroup("/designer/api").WithTags("Designer");
        designer.MapPost("/sign-in", SignInAsync).AllowAnonymous().WithSummary("Signs a marketer in with the configured credential; sets a cookie");
        designer.MapPost("/sign-out", async (HttpContext http) =>
        {
            await http.SignOutAsync(DesignerAuthentication.CookieScheme);
            return Results.NoContent();
        }).AllowAnonymous();
        designer.MapGet("/me", (ClaimsPrincipal user) => new SignedInUser(user.Identity!.Name!)).RequireAuthorization()
            .WithSummary("The signed-in user; 401 when nobody is");
        return app;
    }

    private static async Task<IResult> SignInAsync(SignInRequest request, DesignerOptions options, HttpContext http, ILogger<DesignerOptions> log)
    {
        if (string.IsNullOrEmpty(options.Password))
            return Results.Problem("Signing in is switched off: no Designer:Password is configured.", statusCode: 503, title: "Designer closed");
        if (!Matches(request.Username, options.Username) | !Matches(request.Password, options.Password))
        {
            log.LogWarning("Designer sign-in refused for '{Username}' from {Address}", request.Username, http.Connection.RemoteIpAddress);
            return Results.Problem("The user name or password is wrong.", statusCode: 401, title: "Not signed in");
        }
        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, options.Username)], DesignerAuthentication.CookieScheme);
        await http.SignInAsync(DesignerAuthentication.CookieScheme, new ClaimsPrincipal(identity));
        return Results.Ok(new SignedInUser(options.Username));
    }

    // Constant time, so the answer's timing does not tell how much of a guess was right.
    private static bool Matches(string? presented, string expected) =>
        CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(presented ?? "")), SHA256.HashData(Encoding.UTF8.GetBytes(expected)));
}
