using CareFlows.Engine.Definitions;

namespace CareFlows.Tests.Engine;

public class DefinitionLimitTests
{
    private static string ChainOf(int delays) => TestFlows.Chain(Enumerable.Range(0, delays).Select(_ => ("Delay", (object)new { duration = "PT1H" })).ToArray());

    [Fact]
    public void a_flow_over_the_activity_limit_is_refused_on_its_size_alone()
    {
        var faults = TestFlows.Faults(ChainOf(50_000));

        faults.ShouldHaveSingleItem().Message.ShouldContain("at most 500 activities");
        faults[0].Path.ShouldBe("$.activities");
        faults[0].Line.ShouldNotBeNull();
    }

    [Fact]
    public void a_long_chain_within_a_raised_limit_is_checked_without_recursion()
    {
        // Deep enough that a recursive loop check would need one stack frame per activity.
        var context = ValidationContext.StructureOnly with { MaxActivities = 20_001 };
        // Send windows do not wait in the loop check's sense, so all 20,000 are in its graph.
        var windows = TestFlows.Chain(Enumerable.Range(0, 20_000).Select(_ => ("SendWindow", (object)new { start = "09:00", end = "17:00" })).ToArray());
        var result = FlowCompiler.CompileJson(windows, context, "long.json");
        result.Faults.ShouldBeEmpty();
    }

    [Fact]
    public void a_fault_deep_in_a_large_file_still_names_its_line()
    {
        var json = ChainOf(400).Replace("\"duration\": \"PT1H\"", "\"duration\": \"soon\"");
        var faults = TestFlows.Faults(json);
        faults.Count.ShouldBe(400);
        faults.ShouldAllBe(f => f.Line > 1);
        faults.Select(f => f.Line).ShouldBeUnique();
    }
}
