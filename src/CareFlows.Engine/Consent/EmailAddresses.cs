using System.Net.Mail;

namespace CareFlows.Engine.Consent;

public static class EmailAddresses
{
    public static string Normalise(string email) => email.Trim().ToLowerInvariant();

    /// <summary>A single bare address with a dotted domain: what a consent record may be keyed on.</summary>
    public static bool IsValid(string email)
    {
        var trimmed = email.Trim();
        return trimmed.Length is > 3 and <= 254
            && MailAddress.TryCreate(trimmed, out var parsed)
            && parsed.Address == trimmed
            && parsed.Host.Contains('.') && !parsed.Host.EndsWith('.');
    }
}
