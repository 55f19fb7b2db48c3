namespace CareFlows.Engine.Activities;

public enum PropertyKind { Text, Template, Category, Duration, TimeOfDay, TimeZone, Expression, Event, Branches, Number, Choice, Message, Score }

public sealed record PropertySpec(string Name, PropertyKind Kind, bool Required, string Label, string? Hint = null, IReadOnlyList<string>? Choices = null);

/// <summary>An activity type: what the validator checks, what the JSON Schema and the designer's palette show.</summary>
public sealed record ActivityType(
    string Name, string Category, string Label, string Description,
    IReadOnlyList<PropertySpec> Properties, IReadOnlyList<string> Ports, bool IsTrigger = false, bool Waits = false);

public static class ActivityCatalog
{
    public static readonly IReadOnlyList<string> TriggerEvents = ["OrderPlaced", "OrderShipped", "OrderDelivered"];
    /// <summary>
    /// The same customer placed another order (any order but the instance's own): what a win-back flow waits for, and
    /// gives up on after N days. Delivered only to instances of flows that wait for it (see Orders/OrderIntake).
    /// </summary>
    public const string NextOrderPlaced = "NextOrderPlaced";
    public static readonly IReadOnlyList<string> WaitableEvents = ["OrderShipped", "OrderDelivered", FeedbackVocabulary.CaseResolved, NextOrderPlaced];
    public static readonly IReadOnlyList<string> ExitEvents = ["OrderCancelled", "OrderRefunded"];
    public static readonly IReadOnlyList<string> Categories = ["transactional", "service", "marketing"];
    public const string FromShop = "shop";
    public const string FromOwner = "owner";
    public static readonly IReadOnlyList<string> Senders = [FromShop, FromOwner];
    public const string CapApply = "apply";
    public const string CapHold = "hold";
    public const string CapIgnore = "ignore";
    public static readonly IReadOnlyList<string> CapChoices = [CapApply, CapHold, CapIgnore];

    private static readonly PropertySpec Filter = new("filter", PropertyKind.Expression, false, "Only when",
        "An expression over the order and customer, e.g. order.total >= 50 or customer.is_first_order");

    public static readonly IReadOnlyList<ActivityType> All =
    [
        new("OrderPlaced", "trigger", "Order placed", "Starts the flow when a customer places an order.", [Filter], ["Done"], IsTrigger: true),
        new("OrderShipped", "trigger", "Order shipped", "Starts the flow when an order ships.", [Filter], ["Done"], IsTrigger: true),
        new("OrderDelivered", "trigger", "Order delivered", "Starts the flow when an order is delivered.", [Filter], ["Done"], IsTrigger: true),
        new("SendEmail", "action", "Send email", "Renders a template for the customer and sends it.",
        [
            new("template", PropertyKind.Template, true, "Template"),
            new("category", PropertyKind.Category, true, "Category", "Transactional mail always goes; service and marketing need consent.", Categories),
            new("sender", PropertyKind.Choice, false, "From", "The shop, or the customer's owner by name (replies go to them)", Senders),
            new("cap", PropertyKind.Choice, false, "Frequency cap", "Marketing mail only: apply (skip when the customer had enough), hold (send once the cap allows) or ignore", CapChoices),
        ], ["Done"]),
        new("Delay", "timing", "Wait", "Waits for a fixed time.",
            [new("duration", PropertyKind.Duration, true, "Duration", "ISO-8601, e.g. PT2H or P3D")], ["Done"], Waits: true),
        new("WaitForEvent", "timing", "Wait for event", "Waits for an event of this order (or the customer's next order), or until the timeout.",
        [
            new("event", PropertyKind.Event, true, "Event", Choices: WaitableEvents),
            new("timeout", PropertyKind.Duration, false, "Give up after", "ISO-8601, e.g. P21D; empty waits for ever"),
        ], ["Received", "TimedOut"], Waits: true),
        new("SendWindow", "timing", "Send window", "Holds until the customer's local time is inside the window.",
        [
            new("start", PropertyKind.TimeOfDay, true, "From", "HH:mm"),
            new("end", PropertyKind.TimeOfDay, true, "Until", "HH:mm"),
            new("timeZone", PropertyKind.TimeZone, false, "Time zone", "IANA zone; empty uses the customer's, then the shop's"),
        ], ["Done"]),
        new("Condition", "logic", "Condition", "Takes the True or the False branch.",
            [new("expression", PropertyKind.Expression, true, "Expression", "e.g. order.total >= 50")], ["True", "False"]),
        new("RandomSplit", "logic", "A/B split", "Sends each instance down one weighted branch, always the same one for the same instance.",
            [new("branches", PropertyKind.Branches, true, "Branches", "Names and weights that add up to 100")], []),
        new("IssueDiscount", "action", "Issue discount", "Creates a unique single-use code; later templates show it as data.discount.",
        [
            new("value", PropertyKind.Number, true, "Value"),
            new("kind", PropertyKind.Choice, true, "Kind", Choices: ["percent", "amount"]),
            new("validFor", PropertyKind.Duration, true, "Valid for", "ISO-8601, e.g. P30D"),
            new("prefix", PropertyKind.Text, false, "Code prefix", "e.g. THANKS"),
        ], ["Done"]),
        new("WaitForFeedback", "feedback", "Wait for feedback", "Waits for the customer's rating of a message, or their reply to it.",
        [
            new("message", PropertyKind.Message, true, "Answer to", "The email whose rating or reply this waits for"),
            new("unhappyAtMost", PropertyKind.Score, false, "Unhappy up to", "Scores up to this are unhappy (default 2)"),
            new("happyFrom", PropertyKind.Score, false, "Happy from", "Scores from this are happy (default 4); between is neutral"),
            new("timeout", PropertyKind.Duration, false, "Give up after", "e.g. P4D; empty waits for ever"),
        ], FeedbackVocabulary.Ports, Waits: true),
        new("NotifyTeam", "feedback", "Notify the team", "Alerts a person (never the customer) by email and tells the helpdesk over RabbitMQ.",
        [
            new("to", PropertyKind.Choice, false, "Who", "The customer's owner (one is assigned if they have none), or the team's address", FeedbackVocabulary.Recipients),
            new("note", PropertyKind.Text, false, "Note", "Shown at the top of the alert, e.g. 'Case open for 3 days'"),
        ], ["Done"]),
        new("Exit", "logic", "Exit", "Ends the flow here.", [new("reason", PropertyKind.Text, false, "Reason")], []),
    ];

    public static ActivityType? Find(string name) => All.FirstOrDefault(t => t.Name == name);
}
