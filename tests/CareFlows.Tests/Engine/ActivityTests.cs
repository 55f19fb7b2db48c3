using CareFlows.Engine.Simulation;

namespace CareFlows.Tests.Engine;

/// <summary>Each activity, run by the engine through the simulator on a virtual clock.</summary>
public class ActivityTests
{
    private static readonly DateTimeOffset Placed = DateTimeOffset.Parse("2026-11-23T10:00:00Z");

    private static SimulationResult Simulate(string json, params ScriptedEvent[] events) =>
        Simulator.Run(TestFlows.Compile(json), TestData.Order() with { PlacedAt = Placed }, events, TestFlows.Renderer());

    private static object Email(string template = "order-confirmation", string category = "service") => new { template, category };

    [Fact]
    public void a_trigger_filter_that_is_false_starts_nothing()
    {
        var json = TestFlows.Chain(("SendEmail", Email())).Replace("\"properties\": {}", "\"properties\": { \"filter\": \"order.total >= 50\" }");
        var result = Simulate(json);
        result.Started.ShouldBeFalse();
        result.Outcome.ShouldBe("not started: 'order.total >= 50' was false");
    }

    [Fact]
    public void a_trigger_filter_that_is_true_starts_the_flow() =>
        Simulate(TestFlows.Chain(("SendEmail", Email())).Replace("\"properties\": {}", "\"properties\": { \"filter\": \"customer.is_first_order\" }"))
            .Started.ShouldBeTrue();

    [Fact]
    public void send_email_renders_the_template_for_the_customer()
    {
        var email = Simulate(TestFlows.Chain(("SendEmail", Email(category: "transactional")))).Emails.ShouldHaveSingleItem();
        email.To.ShouldBe("ada@example.com");
        email.Category.ShouldBe("transactional");
        email.Subject.ShouldBe("Your order #1001 is confirmed");
    }

    [Fact]
    public void delay_holds_the_next_step_for_its_duration()
    {
        var result = Simulate(TestFlows.Chain(("Delay", new { duration = "PT2H" }), ("SendEmail", Email())));
        result.Timeline.Single(t => t.Kind == "email").At.ShouldBe(Placed.AddHours(2));
        result.Outcome.ShouldBe("completed");
    }

    [Fact]
    public void wait_for_event_continues_through_received_when_the_event_arrives()
    {
        var result = Simulate(WaitThen(), new ScriptedEvent("OrderDelivered", TimeSpan.FromDays(2)));
        var branch = result.Timeline.Single(t => t.Kind == "branch");
        branch.Port.ShouldBe("Received");
        branch.At.ShouldBe(Placed.AddDays(2));
        result.Emails.Single().Template.ShouldBe("order-confirmation");
    }

    [Fact]
    public void wait_for_event_continues_through_timed_out_when_nothing_arrives()
    {
        var result = Simulate(WaitThen());
        var branch = result.Timeline.Single(t => t.Kind == "branch");
        branch.Port.ShouldBe("TimedOut");
        branch.At.ShouldBe(Placed.AddDays(5));
        result.Emails.Single().Template.ShouldBe("reassurance");
    }

    [Fact]
    public void an_event_that_arrived_before_the_wait_is_not_lost()
    {
        var json = TestFlows.Chain(("Delay", new { duration = "P3D" }), ("WaitForEvent", new { @event = "OrderDelivered", timeout = "P5D" }));
        var result = Simulate(json, new ScriptedEvent("OrderDelivered", TimeSpan.FromDays(1)));
        var branch = result.Timeline.Single(t => t.Kind == "branch");
        branch.Why!.ShouldStartWith("OrderDelivered had already happened");
        branch.At.ShouldBe(Placed.AddDays(3));
    }

    [Fact]
    public void send_window_holds_a_night_time_step_until_the_window_opens_in_the_customers_zone()
    {
        var order = TestData.Order() with { PlacedAt = DateTimeOffset.Parse("2026-11-23T23:30:00Z") };
        order = order with { Customer = order.Customer with { TimeZone = "Asia/Tokyo" } }; // 08:30 on the 24th there
        var flow = TestFlows.Compile(TestFlows.Chain(("SendWindow", new { start = "09:00", end = "20:00" }), ("SendEmail", Email())));

        var result = Simulator.Run(flow, order, [], TestFlows.Renderer());

        result.Timeline.Single(t => t.Kind == "email").At.ShouldBe(DateTimeOffset.Parse("2026-11-24T00:00:00Z")); // 09:00 in Tokyo
    }

    [Fact]
    public void send_window_lets_a_step_inside_the_window_through_at_once()
    {
        var result = Simulate(TestFlows.Chain(("SendWindow", new { start = "09:00", end = "20:00", timeZone = "Europe/London" }), ("SendEmail", Email())));
        result.Timeline.Single(t => t.Kind == "email").At.ShouldBe(Placed);
        result.Timeline.Single(t => t.Kind == "branch").Why.ShouldBe("inside 09:00-20:00 Europe/London");
    }

    [Theory]
    [InlineData("order.total >= 20", "True")]
    [InlineData("order.total >= 50", "False")]
    [InlineData("customer.is_first_order && order.currency == 'GBP'", "True")]
    public void condition_takes_the_branch_its_expression_gives_and_says_why(string expression, string port)
    {
        var branch = Simulate(ConditionFlow(expression)).Timeline.Single(t => t.Kind == "branch" && t.ActivityId == "check");
        branch.Port.ShouldBe(port);
        branch.Why.ShouldBe($"'{expression}' was {port.ToLowerInvariant()}");
    }

    [Fact]
    public void random_split_is_deterministic_per_instance_and_follows_its_weights()
    {
        var flow = TestFlows.Compile(SplitFlow(80, 20));
        var ports = Enumerable.Range(0, 400)
            .Select(seed => Simulator.Run(flow, TestData.Order() with { PlacedAt = Placed }, [], seed: seed).Timeline.Single(t => t.ActivityId == "split").Port)
            .ToList();
        ports.Count(p => p == "A").ShouldBeInRange(280, 360);

        var state = new CareFlows.Engine.Runtime.InstanceState { InstanceId = Guid.Parse("6c5a1d5e-0000-4000-8000-000000000001") };
        var order = TestData.Order() with { PlacedAt = Placed };
        var env = new CareFlows.Engine.Runtime.EngineEnvironment("UTC", _ => "X");
        var first = CareFlows.Engine.Runtime.FlowEngine.Start(flow, state.InstanceId, order, 1, Placed, env);
        var again = CareFlows.Engine.Runtime.FlowEngine.Start(flow, state.InstanceId, order, 1, Placed, env);
        first.Events.OfType<CareFlows.Engine.Runtime.ActivityCompleted>().Last().Port
            .ShouldBe(again.Events.OfType<CareFlows.Engine.Runtime.ActivityCompleted>().Last().Port);
    }

    [Fact]
    public void issue_discount_creates_a_code_that_a_later_email_shows()
    {
        var result = Simulate(TestFlows.Chain(
            ("IssueDiscount", new { value = 15, kind = "percent", validFor = "P30D", prefix = "thanks" }),
            ("SendEmail", Email("surprise-discount", "marketing"))));

        var issued = result.Timeline.Single(t => t.Kind == "discount");
        issued.Text.ShouldMatch(@"^Issues THANKS-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}: 15% off, valid until 2026-12-23 10:00:00Z$");
        var code = issued.Text.Split(' ')[1].TrimEnd(':');
        var email = result.Emails.Single();
        email.Subject.ShouldBe("A thank-you from Teashop: 15% off your next order");
        email.Text!.ShouldContain(code);
        email.Html!.ShouldContain(code);
    }

    [Fact]
    public void exit_ends_the_flow_with_its_reason()
    {
        var result = Simulate(TestFlows.Chain(("SendEmail", Email()), ("Exit", new { reason = "not for us" })));
        result.Outcome.ShouldBe("exited: not for us");
        result.Timeline.Last().ActivityId.ShouldBe("a2");
    }

    [Fact]
    public void a_refund_ends_a_running_flow_at_once()
    {
        var result = Simulate(TestFlows.Chain(("Delay", new { duration = "P14D" }), ("SendEmail", Email("surprise-discount", "marketing"))),
            new ScriptedEvent("OrderRefunded", TimeSpan.FromDays(10), "damaged"));
        result.Outcome.ShouldBe("exited: OrderRefunded: damaged");
        result.Emails.ShouldBeEmpty();
        result.Timeline.Last().At.ShouldBe(Placed.AddDays(10));
    }

    private static string WaitThen() => TestFlows.Json(new
    {
        id = "wait", name = "Wait", version = 1,
        activities = new object[]
        {
            new { id = "start", type = "OrderPlaced" },
            new { id = "wait", type = "WaitForEvent", properties = new { @event = "OrderDelivered", timeout = "P5D" } },
            new { id = "delivered", type = "SendEmail", properties = Email() },
            new { id = "late", type = "SendEmail", properties = Email("reassurance") },
        },
        connections = new[]
        {
            new { source = new { activity = "start", port = "Done" }, target = new { activity = "wait" } },
            new { source = new { activity = "wait", port = "Received" }, target = new { activity = "delivered" } },
            new { source = new { activity = "wait", port = "TimedOut" }, target = new { activity = "late" } },
        },
    });

    private static string ConditionFlow(string expression) => TestFlows.Json(new
    {
        id = "cond", name = "Condition", version = 1,
        activities = new object[]
        {
            new { id = "start", type = "OrderPlaced" },
            new { id = "check", type = "Condition", properties = new { expression } },
            new { id = "yes", type = "SendEmail", properties = Email() },
            new { id = "no", type = "SendEmail", properties = Email("reassurance") },
        },
        connections = new[]
        {
            new { source = new { activity = "start", port = "Done" }, target = new { activity = "check" } },
            new { source = new { activity = "check", port = "True" }, target = new { activity = "yes" } },
            new { source = new { activity = "check", port = "False" }, target = new { activity = "no" } },
        },
    });

    private static string SplitFlow(int a, int b) => TestFlows.Json(new
    {
        id = "split", name = "Split", version = 1,
        activities = new object[]
        {
            new { id = "start", type = "OrderPlaced" },
            new { id = "split", type = "RandomSplit", properties = new { branches = new[] { new { name = "A", weight = a }, new { name = "B", weight = b } } } },
        },
        connections = new[] { new { source = new { activity = "start", port = "Done" }, target = new { activity = "split" } } },
    });
}
