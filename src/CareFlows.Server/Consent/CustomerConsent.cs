using CareFlows.Engine.Consent;
using JasperFx.Events;
using Marten.Events.Aggregation;

namespace CareFlows.Server.Consent;

/// <summary>A customer's current preferences as stored: written by an inline projection with the events themselves.</summary>
public sealed class CustomerConsent
{
    public Guid Id { get; set; }
    public long Version { get; set; }
    public string CustomerId { get; set; } = "";
    /// <summary>Normalised, and indexed: a guest checkout under another customer id finds the record by address.</summary>
    public string Email { get; set; } = "";
    public CustomerConsentState State { get; set; } = new();
}

/// <summary>Evolves the document with the engine's own pure Apply.</summary>
public sealed class CustomerConsentProjection : SingleStreamProjection<CustomerConsent, Guid>
{
    public override CustomerConsent? Evolve(CustomerConsent? snapshot, Guid id, IEvent e)
    {
        if (e.Data is not IConsentEvent consentEvent) return snapshot;
        var consent = snapshot ?? new CustomerConsent { Id = id };
        consent.State = consent.State.Apply(consentEvent);
        consent.CustomerId = consent.State.CustomerId;
        consent.Email = consent.State.Email;
        return consent;
    }
}
