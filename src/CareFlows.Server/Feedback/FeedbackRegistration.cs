using CareFlows.Server.Hosting;

namespace CareFlows.Server.Feedback;

/// <summary>
/// Customers' answers coming in (the rating page; replies through Inbound), cases put right (API, helpdesk message),
/// and the report the designer's Feedback view shows. Above flows: it moves instances on.
/// </summary>
public static class FeedbackRegistration
{
    /// <summary>Case resolutions from a helpdesk; malformed ones land in "careflows-feedback_error".</summary>
    public const string Queue = "careflows-feedback";

    public static IServiceCollection AddFeedback(this IServiceCollection services)
    {
        services.AddSingleton<FeedbackRecorder>();
        services.AddSingleton<CaseResolutions>();
        services.AddSingleton<FeedbackReport>();
        services.AddReceiveQueue(new ReceiveQueue(Queue).Consumer<CustomerCaseResolvedConsumer>());
        return services;
    }
}
