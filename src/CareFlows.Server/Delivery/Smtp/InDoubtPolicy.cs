namespace CareFlows.Server.Delivery.Smtp;

/// <summary>
/// A message is in doubt when its sender died mid-conversation, or its connection broke after the whole message was
/// handed over: the server may have accepted it. <c>Record</c> (the default) records it and never resends it: at most
/// once, a rare loss. <c>Resend</c> sends it again with the same Message-Id: at least once, a rare duplicate that mail
/// clients collapse by that id.
/// </summary>
public enum InDoubtPolicy { Record, Resend }
