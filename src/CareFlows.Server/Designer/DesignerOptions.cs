namespace CareFlows.Server.Designer;

/// <summary>
/// The designer's sign-in (section "Designer"): one admin credential from configuration to start with. Without a
/// password nobody can sign in: the designer is never open by default.
/// </summary>
public sealed class DesignerOptions
{
    public const string Section = "Designer";
    public string Username { get; set; } = "admin";
    public string Password { get; set; } = "";
    /// <summary>How long a sign-in lasts without use; each request renews it.</summary>
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(8);
    /// <summary>Sign-in attempts a client (by IP address) may make per minute; more get 429 and a Retry-After.</summary>
    public int SignInAttemptsPerMinute { get; set; } = 10;
    /// <summary>The built designer (vite's dist/); found under src/CareFlows.Designer/dist when not set.</summary>
    public string DistPath { get; set; } = "";
}
