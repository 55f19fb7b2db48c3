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
        designer.MapPost("/sign-in", SignInAsync).AllowAnonymous().RequireRateLimiting(DesignerAuthentication.SignInPolicy).WithSummary("Signs a marketer in with the configured credential; sets a cookie");
        designer.MapPost("/sign-out", async (HttpContext http, Marten.IDocumentSession store) =>
        {
            var result = await http.AuthenticateAsync(DesignerAuthentication.CookieScheme);
            if (result.Principal?.FindFirst(DesignerSession.IdClaim)?.Value is { } sessionId)
            {
                store.Delete<DesignerSession>(sessionId);
                await store.SaveChangesAsync(http.RequestAborted);
            }
            await http.SignOutAsync(DesignerAuthentication.CookieScheme);
            return Results.NoContent();
        }).AllowAnonymous();
        designer.MapGet("/me", (ClaimsPrincipal user) => new SignedInUser(user.Identity!.Name!)).RequireAuthorization()
            .WithSummary("The signed-in user; 401 when nobody is");
        return app;
    }

    private static async Task<IResult> SignInAsync(SignInRequest request, DesignerOptions options, HttpContext http, Marten.IDocumentSession store,
        TimeProvider clock, ILogger<DesignerOptions> log)
    {
        if (string.IsNullOrEmpty(options.Password))
            return Results.Problem("Signing in is switched off: no Designer:Password is configured.", statusCode: 503, title: "Designer closed");
        if (!Matches(request.Username, options.Username) | !Matches(request.Password, options.Password))
        {
            log.LogWarning("Designer sign-in refused from {Address}", http.Connection.RemoteIpAddress);
            return Results.Problem("The user name or password is wrong.", statusCode: 401, title: "Not signed in");
        }
        var sessionId = DesignerSession.NewId();
        store.Store(new DesignerSession { Id = sessionId, User = options.Username, PasswordStamp = DesignerSession.StampOf(options.Password, sessionId), SignedInAt = clock.GetUtcNow() });
        await store.SaveChangesAsync(http.RequestAborted);
        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, options.Username), new Claim(DesignerSession.IdClaim, sessionId)], DesignerAuthentication.CookieScheme);
        await http.SignInAsync(DesignerAuthentication.CookieScheme, new ClaimsPrincipal(identity));
        return Results.Ok(new SignedInUser(options.Username));
    }

    // Constant time, so the answer's timing does not tell how much of a guess was right.
    private static bool Matches(string? presented, string expected) =>
        CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(presented ?? "")), SHA256.HashData(Encoding.UTF8.GetBytes(expected)));
}
