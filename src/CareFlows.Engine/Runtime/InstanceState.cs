using System.Collections.Immutable;
using CareFlows.Contracts.Orders;

namespace CareFlows.Engine.Runtime;

public enum InstanceStatus { Running, Waiting, Completed, Exited }

/// <summary>What an instance is waiting for: a timer (<see cref="Until"/>), an event, or an event with a timeout.</summary>
public sealed record Wait(string ActivityId, string TimerId, DateTimeOffset? Until, string? Event, string Kind, string? ForMessage = null);

/// <summary>The customer's latest answer to one message: a rating (with a comment) or a reply.</summary>
public sealed record Answer(string ActivityId, int? Score, string? Comment, string? Reply, DateTimeOffset At);

/// <summary>
/// A flow instance's state, derived from its events alone by <see cref="Apply"/>: the engine decides from it, the
/// store's projection keeps it, the simulator replays it. Immutable: applying an event returns a new state.
/// </summary>
public sealed record InstanceState
{
    public Guid InstanceId { get; init; }
    public string FlowId { get; init; } = "";
    public int FlowVersion { get; init; }
    public OrderPlaced Order { get; init; } = new();
    public int CustomerOrderCount { get; init; }
    public InstanceStatus Status { get; init; }
    public string? CurrentActivity { get; init; }
    public Wait? Waiting { get; init; }
    public DateTimeOffset StartedAt { get; init; }
    public DateTimeOffset? EndedAt { get; init; }
    public string? ExitReason { get; init; }
    public ImmutableDictionary<string, int> Visits { get; init; } = ImmutableDictionary<string, int>.Empty;
    public ImmutableDictionary<string, DateTimeOffset> ObservedEvents { get; init; } = ImmutableDictionary<string, DateTimeOffset>.Empty;
    public DiscountIssued? Discount { get; init; }
    /// <summary>The latest answer to each message, by the SendEmail activity that sent it.</summary>
    public ImmutableDictionary<string, Answer> Answers { get; init; } = ImmutableDictionary<string, Answer>.Empty;
    public Answer? LatestAnswer { get; init; }

    public bool IsActive => Status is InstanceStatus.Running or InstanceStatus.Waiting;

    public static InstanceState Start(Guid instanceId, FlowStarted started) => new()
    {
        InstanceId = instanceId,
        FlowId = started.FlowId,
        FlowVersion = started.FlowVersion,
        Order = started.Order,
        CustomerOrderCount = started.CustomerOrderCount,
        Status = InstanceStatus.Running,
        StartedAt = started.At,
    };

    public InstanceState Apply(IFlowEvent e) => e switch
    {
        FlowStarted started => Start(InstanceId, started),
        ActivityEntered x => this with { Status = InstanceStatus.Running, CurrentActivity = x.ActivityId, Waiting = null, Visits = Visits.SetItem(x.ActivityId, x.Visit) },
        WaitStarted x => this with { Status = InstanceStatus.Waiting, Waiting = new Wait(x.ActivityId, x.TimerId, x.Until, x.Event, x.Kind, x.ForMessage) },
        FeedbackGiven x => Answered(new Answer(x.ActivityId, x.Score, x.Comment, null, x.At)),
        CustomerReplied x => Answered(new Answer(x.ActivityId, null, null, x.Text, x.At)),
        ActivityCompleted => this with { Status = InstanceStatus.Running, Waiting = null },
        EventObserved x => this with { ObservedEvents = ObservedEvents.SetItem(x.Event, x.OccurredAt) },
        DiscountIssued x => this with { Discount = x },
        FlowExited x => this with { Status = InstanceStatus.Exited, Waiting = null, ExitReason = x.Reason, EndedAt = x.At },
        FlowCompleted x => this with { Status = InstanceStatus.Completed, Waiting = null, EndedAt = x.At },
        _ => this, // delivery's events (queued, sent, skipped...) do not move the flow
    };

    private InstanceState Answered(Answer answer) => this with { Answers = Answers.SetItem(answer.ActivityId, answer), LatestAnswer = answer };

    /// <summary>
    /// What templates and conditions see as <c>feedback</c>: the latest answer. Always present, so a template or a
    /// condition that reads it is valid before anyone answered: score 0 means "not rated".
    /// </summary>
    public IReadOnlyDictionary<string, object?> Feedback => FeedbackModel(LatestAnswer);

    public static IReadOnlyDictionary<string, object?> FeedbackModel(Answer? answer) => new Dictionary<string, object?>
    {
        ["score"] = answer?.Score ?? 0,
        ["comment"] = answer?.Comment ?? "",
        ["reply"] = answer?.Reply ?? "",
        ["answered"] = answer is not null,
    };

    public static InstanceState Replay(Guid instanceId, IEnumerable<IFlowEvent> events) =>
        events.Aggregate(new InstanceState { InstanceId = instanceId }, (state, e) => state.Apply(e));

    /// <summary>What templates and conditions see as flow data.</summary>
    public IReadOnlyDictionary<string, object?> Data => Discount is null
        ? ImmutableDictionary<string, object?>.Empty
        : ImmutableDictionary<string, object?>.Empty.Add("discount", new Dictionary<string, object?>
        {
            ["code"] = Discount.Code,
            ["value"] = Discount.Value,
            ["kind"] = Discount.Kind,
            ["expires_at"] = Discount.ExpiresAt,
        });
}
