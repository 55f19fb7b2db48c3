using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace CareFlows.Server.Hosting;

/// <summary>
/// The management API's first lock: a key from configuration (Api:Key), sent as "X-Api-Key: …" or
/// "Authorization: Bearer …". Without a configured key every call is refused: the API is never open by default.
/// </summary>
public sealed class ApiKeyAuthentication(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, IConfiguration configuration)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var configured = configuration["Api:Key"];
        if (string.IsNullOrWhiteSpace(configured)) return Task.FromResult(AuthenticateResult.Fail("Api:Key is not configured; the management API is closed"));
        var presented = Request.Headers["X-Api-Key"].FirstOrDefault()
            ?? (Request.Headers.Authorization.FirstOrDefault() is { } auth && auth.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? auth[7..] : null);
        if (presented is null) return Task.FromResult(AuthenticateResult.NoResult());
        // Hashes of equal length: FixedTimeEquals on the raw keys would return at once for a guess of another length.
        if (!CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(presented)), SHA256.HashData(Encoding.UTF8.GetBytes(configured))))
            return Task.FromResult(AuthenticateResult.Fail("wrong API key"));
        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, "api-key")], SchemeName);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }
}
