using CareFlows.Engine.Simulation;

namespace CareFlows.Tests.Engine;

public class CloseTheLoopTests
{
    // Placed on a Monday at 10:00 London time; delivered two days later at 16:00.
    private static readonly DateTimeOffset Placed = DateTimeOffset.Parse("2026-11-23T10:00:00Z");
    private static readonly ScriptedEvent DeliveredOnDay2 = new("OrderDelivered", TimeSpan.FromDays(2) + TimeSpan.FromHours(6));

    private static SimulationResult Run(params ScriptedEvent[] events)
    {
        var json = File.ReadAllText(Path.Combine(TestData.RepositoryFolder("workflows"), "close-the-loop.json"));
        return Simulator.Run(TestFlows.Compile(json), TestData.Order() with { PlacedAt = Placed }, events, TestFlows.Renderer(), "Europe/London");
    }

    [Fact]
    public void a_delivered_order_gets_all_five_messages_at_their_times()
    {
        var result = Run(DeliveredOnDay2);
        var delivered = Placed + DeliveredOnDay2.After;

        result.Outcome.ShouldBe("completed");
        result.Timeline.Where(t => t.Email is not null).Select(t => (t.Email!.Template, t.Email.Category, t.At)).ShouldBe(
        [
            ("order-confirmation", "transactional", Placed),
            ("reassurance", "service", Placed.AddDays(1)),
            ("delivery-check-in", "service", delivered.AddDays(3)),          // 16:00 London: inside the window
            ("support-reminder", "service", delivered.AddDays(7)),
            ("surprise-discount", "marketing", delivered.AddDays(14)),
        ]);
        result.Emails.ShouldAllBe(e => e.RenderError == null);
    }

    [Fact]
    public void a_refund_after_the_support_reminder_means_no_discount()
    {
        var result = Run(DeliveredOnDay2, new ScriptedEvent("OrderRefunded", TimeSpan.FromDays(12)));
        result.Outcome.ShouldBe("exited: OrderRefunded");
        result.Emails.Select(e => e.Template).ShouldBe(["order-confirmation", "reassurance", "delivery-check-in", "support-reminder"]);
    }

    [Fact]
    public void a_cancellation_on_the_first_day_stops_everything_after_the_confirmation()
    {
        var result = Run(new ScriptedEvent("OrderCancelled", TimeSpan.FromHours(3), "changed mind"));
        result.Outcome.ShouldBe("exited: OrderCancelled: changed mind");
        result.Emails.Select(e => e.Template).ShouldBe(["order-confirmation"]);
    }

    [Fact]
    public void an_order_never_delivered_exits_after_21_days()
    {
        var result = Run();
        result.Outcome.ShouldBe("exited: not delivered within 21 days");
        result.Timeline.Last().At.ShouldBe(Placed.AddDays(22)); // a day of reassurance, then the 21-day wait
    }

    [Fact]
    public void an_unhappy_rating_alerts_the_owner_who_apologises_and_asks_again_once_the_case_is_resolved()
    {
        var result = Run(DeliveredOnDay2, new ScriptedEvent("FeedbackGiven", TimeSpan.FromDays(6), "2:box was damaged"),
            new ScriptedEvent("CaseResolved", TimeSpan.FromDays(7), "sent a new one"));

        result.Timeline.ShouldContain(t => t.Kind == "branch" && t.ActivityId == "wait-for-rating" && t.Port == "Unhappy");
        result.Timeline.ShouldContain(t => t.Kind == "alert" && t.ActivityId == "alert-owner");
        result.Emails.Select(e => e.Template).ShouldBe(["order-confirmation", "reassurance", "delivery-check-in", "apology", "did-we-fix-it", "surprise-discount"]);
        result.Emails.Single(e => e.Template == "apology").Text!.ShouldContain("box was damaged");
        result.Outcome.ShouldBe("completed");
    }

    [Fact]
    public void a_happy_rating_alerts_no_one_and_the_support_reminder_and_discount_follow()
    {
        var result = Run(DeliveredOnDay2, new ScriptedEvent("FeedbackGiven", TimeSpan.FromDays(6), "5"));

        result.Timeline.ShouldNotContain(t => t.Kind == "alert");
        result.Emails.Select(e => e.Template).ShouldBe(["order-confirmation", "reassurance", "delivery-check-in", "support-reminder", "surprise-discount"]);
    }

    [Fact]
    public void a_reply_without_a_rating_takes_the_replied_branch_to_the_owner()
    {
        var result = Run(DeliveredOnDay2, new ScriptedEvent("CustomerReplied", TimeSpan.FromDays(6), "The lid is cracked"));

        result.Timeline.ShouldContain(t => t.ActivityId == "wait-for-rating" && t.Port == "Replied");
        result.Timeline.ShouldContain(t => t.Kind == "alert");
    }

    [Fact]
    public void a_case_nobody_resolves_is_escalated_to_the_team_and_the_flow_ends_after_17_days()
    {
        var result = Run(DeliveredOnDay2, new ScriptedEvent("FeedbackGiven", TimeSpan.FromDays(6), "1"));

        result.Timeline.Where(t => t.Kind == "alert").Select(t => t.ActivityId).ShouldBe(["alert-owner", "escalate"]);
        result.Outcome.ShouldBe("exited: case not resolved within 17 days");
        result.Emails.ShouldNotContain(e => e.Template == "surprise-discount");
    }
}
