using CareFlows.Engine.Definitions;

namespace CareFlows.Tests.Engine;

public class DefinitionValidationTests
{
    private static DefinitionFault Single(string json) => TestFlows.Faults(json).ShouldHaveSingleItem();

    [Fact]
    public void the_shipped_close_the_loop_flow_is_valid_with_its_real_templates()
    {
        var catalog = new CareFlows.Engine.Templates.TemplateCatalog(TestData.RepositoryFolder("templates"), "en");
        var context = new ValidationContext(name => catalog.Exists(name) ? [] : [$"unknown template '{name}'"]);
        var json = File.ReadAllText(Path.Combine(TestData.RepositoryFolder("workflows"), "close-the-loop.json"));

        FlowCompiler.CompileJson(json, context, "close-the-loop.json").Faults.ShouldBeEmpty();
    }

    [Fact]
    public void an_unknown_activity_type_is_reported_at_its_path_and_line()
    {
        var fault = Single(TestFlows.Chain(("SendSms", new { })));
        fault.Path.ShouldBe("$.activities[1].type");
        fault.Message.ShouldStartWith("unknown activity type 'SendSms'");
        fault.Line.ShouldBe(17);
        fault.ToString().ShouldStartWith("test.json:17: $.activities[1].type:");
    }

    [Fact]
    public void a_missing_property_is_reported() =>
        Single(TestFlows.Chain(("Delay", new { }))).ShouldSatisfyAllConditions(
            f => f.Path.ShouldBe("$.activities[1].properties.duration"),
            f => f.Message.ShouldBe("is required"));

    [Fact]
    public void an_ill_typed_property_is_reported() =>
        Single(TestFlows.Chain(("Delay", new { duration = 3 }))).Message.ShouldBe("must be text, not number");

    [Fact]
    public void an_unknown_property_is_reported_with_the_ones_that_exist() =>
        Single(TestFlows.Chain(("Delay", new { duration = "P1D", durration = "P2D" }))).Message
            .ShouldBe("unknown property 'durration' (this activity has: duration)");

    [Theory]
    [InlineData("P3X")]
    [InlineData("3 days")]
    [InlineData("P1M")]
    [InlineData("PT0S")]
    public void a_bad_duration_is_reported(string duration) =>
        Single(TestFlows.Chain(("Delay", new { duration }))).Message.ShouldBe($"'{duration}' is not an ISO-8601 duration such as PT2H or P3D");

    [Fact]
    public void a_bad_time_zone_is_reported() =>
        Single(TestFlows.Chain(("SendWindow", new { start = "09:00", end = "20:00", timeZone = "Mars/Olympus" }))).Message
            .ShouldBe("unknown time zone 'Mars/Olympus' (use an IANA name such as Europe/Berlin)");

    [Fact]
    public void a_bad_time_of_day_is_reported() =>
        Single(TestFlows.Chain(("SendWindow", new { start = "25:00", end = "20:00" }))).Message.ShouldBe("'25:00' is not a time of day such as 09:00");

    [Fact]
    public void an_unknown_template_is_reported()
    {
        var context = new ValidationContext(name => name == "known" ? [] : [$"unknown template '{name}'"]);
        var result = FlowCompiler.CompileJson(TestFlows.Chain(("SendEmail", new { template = "nope", category = "service" })), context);
        result.Faults.ShouldHaveSingleItem().ShouldSatisfyAllConditions(
            f => f.Path.ShouldBe("$.activities[1].properties.template"),
            f => f.Message.ShouldBe("unknown template 'nope'"));
    }

    [Fact]
    public void a_condition_with_a_syntax_error_is_reported() =>
        Single(TestFlows.Chain(("Condition", new { expression = "order.total >=" }))).Path.ShouldBe("$.activities[1].properties.expression");

    [Fact]
    public void split_weights_that_do_not_add_up_are_reported() =>
        Single(TestFlows.Chain(("RandomSplit", new { branches = new[] { new { name = "A", weight = 50 }, new { name = "B", weight = 30 } } })))
            .Message.ShouldBe("weights add up to 80, not 100");

    [Fact]
    public void a_dangling_connection_is_reported()
    {
        var json = TestFlows.Chain(("Delay", new { duration = "P1D" })).Replace("\"activity\": \"a1\"", "\"activity\": \"ghost\"");
        Single(json).ShouldSatisfyAllConditions(f => f.Path.ShouldBe("$.connections[0].target.activity"), f => f.Message.ShouldBe("no activity 'ghost'"));
    }

    [Fact]
    public void a_connection_from_a_port_the_activity_does_not_have_is_reported()
    {
        var json = TestFlows.Chain(("Delay", new { duration = "P1D" })).Replace("\"port\": \"Done\"", "\"port\": \"Maybe\"");
        Single(json).Message.ShouldBe("'start' has no port 'Maybe' (it has: Done)");
    }

    [Fact]
    public void a_duplicate_connection_is_reported()
    {
        var json = TestFlows.Json(new
        {
            id = "dup", name = "Dup", version = 1,
            activities = new object[] { new { id = "start", type = "OrderPlaced" }, new { id = "end", type = "Exit" } },
            connections = new[]
            {
                new { source = new { activity = "start", port = "Done" }, target = new { activity = "end" } },
                new { source = new { activity = "start", port = "Done" }, target = new { activity = "end" } },
            },
        });
        Single(json).ShouldSatisfyAllConditions(f => f.Path.ShouldBe("$.connections[1]"), f => f.Message.ShouldStartWith("duplicate of an earlier connection"));
    }

    [Fact]
    public void an_activity_that_cannot_be_reached_is_reported()
    {
        var json = TestFlows.Json(new
        {
            id = "island", name = "Island", version = 1,
            activities = new object[] { new { id = "start", type = "OrderPlaced" }, new { id = "alone", type = "Exit" } },
            connections = Array.Empty<object>(),
        });
        Single(json).Message.ShouldBe("'alone' cannot be reached from the trigger");
    }

    [Fact]
    public void a_loop_without_a_wait_is_reported_but_a_loop_with_one_is_not()
    {
        object Loop(string middleType, object middleProperties) => new
        {
            id = "loop", name = "Loop", version = 1,
            activities = new object[]
            {
                new { id = "start", type = "OrderPlaced" },
                new { id = "check", type = "Condition", properties = new { expression = "order.total > 10" } },
                new { id = "middle", type = middleType, properties = middleProperties },
            },
            connections = new[]
            {
                new { source = new { activity = "start", port = "Done" }, target = new { activity = "check" } },
                new { source = new { activity = "check", port = "True" }, target = new { activity = "middle" } },
                new { source = new { activity = "middle", port = "Done" }, target = new { activity = "check" } },
            },
        };

        Single(TestFlows.Json(Loop("SendEmail", new { template = "t", category = "service" }))).Message.ShouldBe("loop without a wait: check -> middle -> check");
        TestFlows.Faults(TestFlows.Json(Loop("Delay", new { duration = "P7D" }))).ShouldBeEmpty();
    }

    [Fact]
    public void a_flow_without_a_trigger_is_reported()
    {
        var json = TestFlows.Json(new { id = "none", name = "None", version = 1, activities = new object[] { new { id = "end", type = "Exit" } } });
        TestFlows.Faults(json).ShouldContain(f => f.Message.StartsWith("the flow needs a trigger"));
    }

    [Fact]
    public void every_fault_is_reported_not_just_the_first() =>
        TestFlows.Faults(TestFlows.Chain(("Delay", new { duration = "soon" }), ("SendWindow", new { start = "9", end = "20:00" }))).Count.ShouldBe(2);

    [Fact]
    public void broken_json_is_reported_with_its_line()
    {
        var fault = Single("{\n  \"id\": \"x\",\n  \"name\": \"X\"\n  \"version\": 1\n}");
        fault.Line.ShouldBe(4);
    }

    [Fact]
    public void a_misspelt_field_is_refused_rather_than_dropped() =>
        Single("{\n  \"id\": \"x\",\n  \"name\": \"X\",\n  \"conections\": []\n}").ShouldSatisfyAllConditions(
            f => f.Line.ShouldBe(4),
            f => f.Message.ShouldContain("conections"));
}
