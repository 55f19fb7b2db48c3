using System.Text;
using CareFlows.Server.Consent;
using CareFlows.Server.Hosting;

namespace CareFlows.Server;

/// <summary>
/// The secrets appsettings.json ships are for a developer's machine (the signing key, the API key, the designer's
/// password; the broker's and database's passwords are whatever those services were given, see docker-compose's .env). Outside the Development environment the server
/// refuses to start while any of them is still in use, and says which setting to set: a forgeable link or a known
/// password is worse than a server that does not start.
/// </summary>
public static class ShippedSecrets
{
    public const string ApiKey = "careflows-dev-key";
    public const string DesignerPassword = "careflows-admin";
    public const int MinimumSigningKeyBytes = 32;

    public static IReadOnlyList<string> Faults(IConfiguration configuration)
    {
        var faults = new List<string>();
        var consent = configuration.GetSection(ConsentOptions.Section).Get<ConsentOptions>() ?? new ConsentOptions();
        if (consent.SigningKey == ConsentOptions.DevelopmentKey)
            faults.Add($"Consent:SigningKey is the shipped development key: set a random key of at least {MinimumSigningKeyBytes} bytes (e.g. `openssl rand -base64 48`)");
        else if (Encoding.UTF8.GetByteCount(consent.SigningKey) < MinimumSigningKeyBytes)
            faults.Add($"Consent:SigningKey is shorter than {MinimumSigningKeyBytes} bytes");
        foreach (var (id, key) in consent.PreviousSigningKeys)
            if (key == ConsentOptions.DevelopmentKey || Encoding.UTF8.GetByteCount(key) < MinimumSigningKeyBytes)
                faults.Add($"Consent:PreviousSigningKeys:{id} is the development key or shorter than {MinimumSigningKeyBytes} bytes");
        if (configuration["Api:Key"] == ApiKey) faults.Add("Api:Key is the shipped development key: set your own (or leave it empty to close the API)");
        if (configuration["Designer:Password"] == DesignerPassword) faults.Add("Designer:Password is the shipped one: set your own (or leave it empty to close the designer)");
        return faults;
    }

    public static void RefuseOutsideDevelopment(IHostEnvironment environment, IConfiguration configuration)
    {
        if (environment.IsDevelopment()) return;
        var faults = Faults(configuration);
        if (faults.Count > 0)
            throw new InvalidOperationException(
                $"CareFlows will not start in the {environment.EnvironmentName} environment with shipped secrets:{Environment.NewLine}  - "
                + string.Join($"{Environment.NewLine}  - ", faults)
                + $"{Environment.NewLine}Set them as environment variables (Consent__SigningKey, Api__Key, ...) or in your own settings. See README, Running in production.");
    }
}
