using CareFlows.Contracts.Orders;
using CareFlows.Engine.Consent;
using CareFlows.Engine.Templates;
using CareFlows.Server.Delivery.Outbox;
using Marten;

namespace CareFlows.Server.Consent;

/// <summary>
/// The double opt-in email: queued in the outbox in the same transaction as the DoubleOptInRequested event, so a
/// request is never recorded without its email, nor the email sent for a request that was not recorded.
/// </summary>
public sealed class ConfirmationEmail(MessageRenderer renderer, EmailQueue queue, ConsentLinks links)
{
    public const string Template = "confirm-subscription";

    public void Queue(IDocumentSession session, Guid consentStreamId, CustomerConsentState customer, string category, DateTimeOffset at)
    {
        if (customer.Email == "") return; // nowhere to send it: the request stands until an address is known
        var stepId = $"double-opt-in.{category}.{at.ToUnixTimeMilliseconds()}";
        var messageId = queue.MessageIdFor(consentStreamId, stepId);
        var messageLinks = links.ForConfirmation(customer.CustomerId, category, messageId, at);
        // The templates' model is built around an order; a confirmation has none, only the customer.
        var order = new OrderPlaced { Customer = new Customer { CustomerId = customer.CustomerId, Email = customer.Email } };
        var rendered = renderer.Render(Template, order, new Dictionary<string, object?> { ["category"] = category }, messageLinks);
        queue.Queue(session, new OutboxMessage
        {
            MessageId = messageId, StreamId = consentStreamId, StepId = stepId, Template = Template, Category = ConsentCategories.Transactional,
            Recipient = customer.Email, Subject = rendered.Subject, HtmlBody = rendered.Html, TextBody = rendered.Text, CreatedAt = at,
            Kind = OutboxKinds.Consent, CustomerId = customer.CustomerId, Locale = rendered.Locale, TemplateVersion = rendered.Version,
        });
    }
}
