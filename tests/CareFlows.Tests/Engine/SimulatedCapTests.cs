using CareFlows.Engine.Simulation;

namespace CareFlows.Tests.Engine;

public class SimulatedCapTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.Parse("2026-11-23T10:00:00Z");

    private static SimulationResult Run(string secondCap) => Simulator.Run(TestFlows.Compile(TestFlows.Chain(
            ("SendEmail", new { template = "reassurance", category = "marketing" }),
            ("Delay", new { duration = "PT1H" }),
            ("SendEmail", new { template = "support-reminder", category = "marketing", cap = secondCap }))),
        TestData.Order() with { PlacedAt = Now }, [], marketingCap: (1, TimeSpan.FromHours(16)));

    [Fact]
    public void a_second_marketing_message_within_the_cap_shows_as_skipped()
    {
        var result = Run("apply");
        result.Timeline.Count(t => t.Email is not null).ShouldBe(1);
        result.Timeline.ShouldContain(t => t.Kind == "skipped" && t.Text.Contains("frequency cap"));
    }

    [Fact]
    public void a_step_that_holds_shows_as_held_and_one_that_ignores_the_cap_sends()
    {
        Run("hold").Timeline.ShouldContain(t => t.Kind == "held");
        Run("ignore").Timeline.Count(t => t.Email is not null).ShouldBe(2);
    }

    [Fact]
    public void a_simulation_names_the_path_it_took()
    {
        Run("apply").Path!.ShouldBe(["start", "a1", "a2", "a3"]);
    }
}
