namespace CareFlows.Server.Consent;

/// <summary>
/// An address the mail server refused for good (a 5xx). It gets no further service or marketing mail; transactional
/// mail is still tried. A customer with a new address is not affected: the key is the address, not the customer.
/// </summary>
public sealed class SuppressedAddress
{
    /// <summary>The address, trimmed and lower-cased.</summary>
    public string Id { get; set; } = "";
    public string Reason { get; set; } = "";
    public DateTimeOffset Since { get; set; }

    public static string Key(string email) => CareFlows.Engine.Consent.EmailAddresses.Normalise(email);
}
