using CareFlows.Engine.Runtime;
using CareFlows.Engine.Simulation;

namespace CareFlows.Tests.Engine;

public class FeedbackActivityTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.Parse("2026-11-23T10:00:00Z");
    private static readonly EngineEnvironment Env = new("UTC", prefix => $"{prefix}-CODE");

    // start -> a1 (the check-in) -> a2 (the wait), each of whose ports ends the flow.
    private static string Flow(object waitProperties) => TestFlows.Json(new
    {
        id = "test-flow", name = "Test", version = 1,
        activities = new object[]
        {
            new { id = "start", type = "OrderPlaced", properties = new { } },
            new { id = "a1", type = "SendEmail", properties = new { template = "delivery-check-in", category = "service" } },
            new { id = "a2", type = "WaitForFeedback", properties = waitProperties },
            new { id = "end", type = "Exit", properties = new { reason = "done" } },
        },
        connections = new object[]
        {
            new { source = new { activity = "start", port = "Done" }, target = new { activity = "a1" } },
            new { source = new { activity = "a1", port = "Done" }, target = new { activity = "a2" } },
        }.Concat(new[] { "Unhappy", "Neutral", "Happy", "Replied", "NoAnswer" }
            .Select(port => (object)new { source = new { activity = "a2", port }, target = new { activity = "end" } })).ToArray(),
    });

    [Theory]
    [InlineData(1, "Unhappy")]
    [InlineData(2, "Unhappy")]
    [InlineData(3, "Neutral")]
    [InlineData(4, "Happy")]
    [InlineData(5, "Happy")]
    public void a_rating_leaves_through_the_port_its_score_falls_in(int score, string port)
    {
        var flow = TestFlows.Compile(Flow(new { message = "a1", timeout = "P4D" }));
        var result = Simulator.Run(flow, TestData.Order() with { PlacedAt = Now }, [new("FeedbackGiven", TimeSpan.FromDays(1), $"{score}")]);
        result.Timeline.ShouldContain(t => t.ActivityId == "a2" && t.Port == port);
    }

    [Fact]
    public void thresholds_set_on_the_activity_move_the_ports()
    {
        var flow = TestFlows.Compile(Flow(new { message = "a1", unhappyAtMost = 3, happyFrom = 5 }));
        var result = Simulator.Run(flow, TestData.Order() with { PlacedAt = Now }, [new("FeedbackGiven", TimeSpan.FromDays(1), "4")]);
        result.Timeline.ShouldContain(t => t.ActivityId == "a2" && t.Port == "Neutral");
    }

    [Fact]
    public void no_answer_before_the_timeout_leaves_through_no_answer()
    {
        var flow = TestFlows.Compile(Flow(new { message = "a1", timeout = "P4D" }));
        var result = Simulator.Run(flow, TestData.Order() with { PlacedAt = Now }, []);
        result.Timeline.ShouldContain(t => t.ActivityId == "a2" && t.Port == "NoAnswer" && t.At == Now.AddDays(4));
    }

    [Fact]
    public void an_answer_after_the_flow_ended_is_still_recorded_and_moves_nothing()
    {
        var flow = TestFlows.Compile(TestFlows.Chain(("SendEmail", new { template = "delivery-check-in", category = "service" })));
        var started = FlowEngine.Start(flow, Guid.NewGuid(), TestData.Order(), 1, Now, Env);
        var ended = InstanceState.Replay(Guid.NewGuid(), started.Events);
        ended.IsActive.ShouldBeFalse();

        var decision = FlowEngine.OnFeedback(flow, ended, new FeedbackGiven("m", "a1.1", "a1", 2, "late", Now.AddDays(9)), Now.AddDays(9), Env);

        decision.Events.ShouldHaveSingleItem().ShouldBeOfType<FeedbackGiven>();
        ended.Apply(decision.Events.Single()).LatestAnswer!.Comment.ShouldBe("late");
    }

    [Fact]
    public void a_second_rating_of_the_same_message_is_the_answer_and_the_first_stays_in_the_history()
    {
        var state = new InstanceState()
            .Apply(new FeedbackGiven("m", "a1.1", "a1", 2, "broken", Now))
            .Apply(new FeedbackGiven("m", "a1.1", "a1", 4, "replaced, thanks", Now.AddHours(1)));
        state.Answers["a1"].Score.ShouldBe(4);
        state.Feedback["comment"].ShouldBe("replaced, thanks");
    }

    [Fact]
    public void a_wait_for_feedback_must_name_an_email_of_this_flow()
    {
        TestFlows.Faults(Flow(new { message = "start" })).ShouldContain(f => f.Path == "$.activities[2].properties.message" && f.Message.Contains("does not send an email"));
        TestFlows.Faults(Flow(new { message = "nope" })).ShouldContain(f => f.Message == "no activity 'nope' in this flow");
    }

    [Fact]
    public void thresholds_that_overlap_are_refused()
    {
        TestFlows.Faults(Flow(new { message = "a1", unhappyAtMost = 4, happyFrom = 3 }))
            .ShouldContain(f => f.Path == "$.activities[2].properties.happyFrom");
        TestFlows.Faults(Flow(new { message = "a1", happyFrom = 6 })).ShouldContain(f => f.Message.Contains("whole score from 1 to 5"));
    }

    [Fact]
    public void a_condition_can_read_the_latest_feedback_score()
    {
        var flow = TestFlows.Compile(TestFlows.Chain(
            ("SendEmail", new { template = "delivery-check-in", category = "service" }),
            ("Delay", new { duration = "PT2H" }),
            ("Condition", new { expression = "feedback.score <= 2 && feedback.comment == 'late'" })));
        var result = Simulator.Run(flow, TestData.Order() with { PlacedAt = Now }, [new("FeedbackGiven", TimeSpan.FromHours(1), "1:late")]);
        result.Timeline.ShouldContain(t => t.Kind == "answer" && t.Text.Contains("1 of 5"));
        result.Timeline.ShouldContain(t => t.ActivityId == "a3" && t.Port == "True");
    }
}
