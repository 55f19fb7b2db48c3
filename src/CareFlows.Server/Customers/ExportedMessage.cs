namespace CareFlows.Server.Customers;

public sealed record ExportedMessage(
    string MessageId, string Template, string Category, string Recipient, string Subject, string HtmlBody, string TextBody,
    string Status, DateTimeOffset CreatedAt, DateTimeOffset? SentAt);
