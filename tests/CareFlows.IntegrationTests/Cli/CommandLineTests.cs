using CareFlows.Cli;

namespace CareFlows.IntegrationTests.Cli;

/// <summary>The command line as a person types it: mistakes get a clear error before anything runs.</summary>
public class CommandLineTests
{
    private static IReadOnlyList<string> Errors(string commandLine) =>
        CliCommands.Build().Parse(commandLine).Errors.Select(e => e.Message).ToList();

    [Fact]
    public void a_count_that_is_not_a_number_is_an_error_not_one_order() =>
        Errors("publish-order --sample --count x").ShouldContain(e => e.Contains("Cannot parse argument 'x' for option '--count'"));

    [Fact]
    public void a_count_below_one_is_an_error() =>
        Errors("publish-order --sample --count 0").ShouldContain("--count must be 1 or more");

    [Fact]
    public void a_mistyped_option_is_an_error_not_ignored() =>
        Errors("publish-order --sampel").ShouldContain(e => e.Contains("--sampel"));

    [Fact]
    public void the_order_option_of_simulate_is_not_taken_for_the_flow_file()
    {
        var root = CliCommands.Build();
        var parse = root.Parse("simulate --order samples/order.json workflows/close-the-loop.json");
        parse.Errors.ShouldBeEmpty();
        parse.GetValue<FileInfo>("flow")!.Name.ShouldBe("close-the-loop.json");
        parse.GetValue<FileInfo>("--order")!.Name.ShouldBe("order.json");
    }

    [Fact]
    public void simulate_without_a_flow_file_says_so() =>
        Errors("simulate").ShouldContain(e => e.Contains("Required argument missing"));
}
