namespace CareFlows.Server.Delivery;

/// <summary>Sender settings from configuration section "Email".</summary>
public sealed class EmailOptions
{
    public const string Section = "Email";
    public string FromAddress { get; set; } = "care@shop.example";
    public string FromName { get; set; } = "Demo Shop";
    /// <summary>Where customers' replies go: the mailbox CareFlows reads (Inbound:*), so a reply comes back into the flow. Empty: no Reply-To.</summary>
    public string ReplyTo { get; set; } = "";
    /// <summary>The right-hand side of every Message-Id CareFlows generates.</summary>
    public string MessageIdDomain { get; set; } = "careflows.local";
    public string TemplatesPath { get; set; } = "";
}
