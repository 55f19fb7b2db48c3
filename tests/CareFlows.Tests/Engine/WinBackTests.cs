using CareFlows.Engine.Activities;
using CareFlows.Engine.Simulation;

namespace CareFlows.Tests.Engine;

/// <summary>The win-back starting point (workflows/templates/win-back.json): a code after 60 days without another order, and nothing once the customer orders again.</summary>
public class WinBackTests
{
    private static readonly DateTimeOffset Placed = DateTimeOffset.Parse("2026-11-23T10:00:00Z");

    private static SimulationResult Run(params ScriptedEvent[] events)
    {
        var json = File.ReadAllText(Path.Combine(TestData.RepositoryFolder("workflows"), "templates", "win-back.json"));
        return Simulator.Run(TestFlows.Compile(json), TestData.Order() with { PlacedAt = Placed }, events, TestFlows.Renderer(), "Europe/London");
    }

    [Fact]
    public void a_customer_who_orders_nothing_for_60_days_gets_one_code_to_come_back()
    {
        var result = Run();

        result.Outcome.ShouldBe("completed");
        var email = result.Emails.ShouldHaveSingleItem();
        (email.Template, email.Category).ShouldBe(("win-back", "marketing"));
        email.RenderError.ShouldBeNull();
        var html = email.Html.ShouldNotBeNull();
        html.ShouldContain("15%");
        html.ShouldContain("BACK-");
        result.Timeline.Single(t => t.Email is not null).At.ShouldBeGreaterThanOrEqualTo(Placed.AddDays(60));
    }

    [Fact]
    public void a_customer_who_orders_again_within_60_days_gets_no_win_back_email()
    {
        var result = Run(new ScriptedEvent(ActivityCatalog.NextOrderPlaced, TimeSpan.FromDays(20)));

        result.Outcome.ShouldBe("completed");
        result.Emails.ShouldBeEmpty();
    }
}
