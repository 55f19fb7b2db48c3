using System.Text.RegularExpressions;
using CareFlows.Engine.Consent;
using CareFlows.Server.Delivery.Outbox;
using MimeKit;

namespace CareFlows.Server.Inbound;

public enum InboundKind { Reply, Bounce, Unsubscribe, Ignored, Unmatched }

/// <summary>What a mail in the mailbox is, decided from the mail alone (pure, so it is unit-tested without a server).</summary>
public sealed partial record InboundMail(InboundKind Kind, string? MessageId = null, string? Text = null, string? Address = null, string? Reason = null)
{
    /// <param name="domain">The right-hand side of CareFlows' Message-Ids (Email:MessageIdDomain).</param>
    /// <param name="unsubscribeAddress">The List-Unsubscribe mailto address (Consent:UnsubscribeMailto), or empty.</param>
    public static InboundMail Classify(MimeMessage mail, string domain, string unsubscribeAddress)
    {
        if (mail.Body is MultipartReport { ReportType: var type } report && string.Equals(type, "delivery-status", StringComparison.OrdinalIgnoreCase))
            return DeliveryReport(report, domain);
        if (unsubscribeAddress != "" && mail.To.Concat(mail.Cc).OfType<MailboxAddress>()
                .Any(a => EmailAddresses.Normalise(a.Address) == EmailAddresses.Normalise(unsubscribeAddress)))
            return mail.From.OfType<MailboxAddress>().FirstOrDefault() is { } from
                ? new(InboundKind.Unsubscribe, Address: EmailAddresses.Normalise(from.Address))
                : new(InboundKind.Unmatched, Reason: "an unsubscribe request without a sender");
        // An auto-reply ("I am away") is not the customer speaking: kept for a person, not recorded as their answer.
        if (mail.Headers[HeaderId.AutoSubmitted] is { } auto && !auto.Trim().Equals("no", StringComparison.OrdinalIgnoreCase))
            return new(InboundKind.Unmatched, Reason: "an automatic reply");
        var answered = new[] { mail.InReplyTo }.Concat(mail.References.Reverse())
            .FirstOrDefault(id => MessageIds.TryParse(id, domain, out _, out _));
        if (answered is null) return new(InboundKind.Unmatched, Reason: "answers nothing CareFlows sent");
        var text = QuotedText.Strip(mail.TextBody ?? HtmlToText(mail.HtmlBody ?? ""));
        return text == "" ? new(InboundKind.Unmatched, MessageId: answered, Reason: "an empty reply") : new(InboundKind.Reply, answered.Trim('<', '>'), text);
    }

    // RFC 3464: per recipient, "Action: failed" with a 5.x.x status is a bounce; "delayed" and "delivered" are not.
    private static InboundMail DeliveryReport(MultipartReport report, string domain)
    {
        var original = report.OfType<MessagePart>().Select(p => p.Message?.MessageId).FirstOrDefault(id => id is not null);
        var status = report.OfType<MessageDeliveryStatus>().FirstOrDefault();
        if (original is null || !MessageIds.TryParse(original, domain, out _, out _) || status is null)
            return new(InboundKind.Unmatched, Reason: "a delivery report about a message CareFlows did not send");
        foreach (var recipient in status.StatusGroups.Skip(1))
        {
            var action = recipient["Action"]?.Trim() ?? "";
            var code = recipient["Status"]?.Trim() ?? "";
            if (!action.Equals("failed", StringComparison.OrdinalIgnoreCase) || !code.StartsWith('5')) continue;
            var address = (recipient["Final-Recipient"] ?? recipient["Original-Recipient"] ?? "").Split(';').Last().Trim();
            var diagnostic = recipient["Diagnostic-Code"]?.Split(';', 2).Last().Trim();
            return new(InboundKind.Bounce, original, Address: address, Reason: $"{code} {diagnostic}".Trim() + " (delivery status notification)");
        }
        return new(InboundKind.Ignored, original, Reason: "a delivery report that is not a failure");
    }

    private static string HtmlToText(string html) =>
        System.Net.WebUtility.HtmlDecode(Tags().Replace(Breaks().Replace(html, "\n"), ""));

    [GeneratedRegex("<(br|/p|/div)[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex Breaks();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();
}
