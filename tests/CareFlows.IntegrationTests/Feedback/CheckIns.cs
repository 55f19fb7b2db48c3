using CareFlows.Contracts.Orders;
using CareFlows.IntegrationTests.Infrastructure;
using CareFlows.IntegrationTests.Orders;

namespace CareFlows.IntegrationTests.Feedback;

/// <summary>An order taken through the default flow to its check-in, which asks for a rating: where feedback starts.</summary>
public static partial class CheckIns
{
    /// <summary>The rating links of a message's text part ("2 - Unhappy: https://…/rate?token=…&amp;score=2"), by score.</summary>
    public static Dictionary<int, string> RatingLinks(ReceivedEmail mail) =>
        RatingLine().Matches(mail.Text).ToDictionary(m => int.Parse(m.Groups[1].Value), m => m.Groups[2].Value);

    [System.Text.RegularExpressions.GeneratedRegex(@"^(\d) - [^:]+: (\S+/rate\?token=\S+)$", System.Text.RegularExpressions.RegexOptions.Multiline)]
    private static partial System.Text.RegularExpressions.Regex RatingLine();

    public static async Task<OrderPlaced> DeliveredAndCheckedInAsync(CareFlowsFixture app)
    {
        app.Clock.AdvanceToNextUtc(new TimeOnly(10, 0));
        var order = TestOrders.New() with { PlacedAt = app.Clock.GetUtcNow() };
        await app.Bus.Publish(order);
        await app.Bus.Publish(new OrderDelivered { OrderId = order.OrderId, DeliveredAt = app.Clock.GetUtcNow() });
        await Eventually.Until(() => app.InstanceAsync(order), i => i?.State.Waiting?.ActivityId == "wait-a-day", "the instance to wait a day");
        app.Clock.Advance(TimeSpan.FromDays(1));
        await Eventually.Until(() => app.InstanceAsync(order), i => i?.State.Waiting?.ActivityId == "three-days-after-delivery", "the wait after delivery");
        app.Clock.Advance(TimeSpan.FromDays(3));
        await ExpectAsync(app, order.Customer.Email, "How is everything");
        await Eventually.Until(() => app.InstanceAsync(order), i => i?.State.Waiting?.ActivityId == "wait-for-rating", "the wait for the rating");
        return order;
    }

    public static async Task<ReceivedEmail> ExpectAsync(CareFlowsFixture app, string to, string subjectStart) =>
        (await Eventually.Until(() => app.Mail.ToAsync(to), m => m.Any(x => x.Subject.StartsWith(subjectStart)), $"'{subjectStart}' to {to}"))
            .Single(m => m.Subject.StartsWith(subjectStart));
}
