using CareFlows.Server.Delivery.Outbox;
using Marten;
using Npgsql;

namespace CareFlows.Server.Delivery.Caps;

/// <summary>Whether one more marketing message fits this customer's cap now, and if not, when it will.</summary>
public sealed record CapVerdict(bool Allowed, string Reason, DateTimeOffset? FreeAt)
{
    public static readonly CapVerdict Yes = new(true, "within the frequency cap", null);
}

/// <summary>
/// The marketing frequency cap, counted from the outbox: a customer's flow messages in the marketing category that are
/// queued, being sent or sent, by when they went (or are due), within the period. A held message counts from when it
/// is due. Messages queued in the same unit of work (two flows starting on one order) count too, through
/// <see cref="Noted"/>. Two processes deciding for one customer at the same instant can both pass: the cap is a
/// courtesy, not a lock.
/// </summary>
public sealed class FrequencyCap(NpgsqlDataSource dataSource, FrequencyCapSettings configured)
{
    // Marketing messages staged but not yet committed, per unit of work and customer: the outbox cannot show them yet.
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<IQuerySession, List<(string Customer, DateTimeOffset At)>> _staged = new();

    /// <summary>A marketing message for this customer was queued in this unit of work, going at <paramref name="at"/>.</summary>
    public void Noted(IQuerySession session, string customerId, DateTimeOffset at) => _staged.GetOrCreateValue(session).Add((customerId, at));

    public async Task<FrequencyCapSettings> SettingsAsync(IQuerySession session, CancellationToken ct) =>
        await session.LoadAsync<FrequencyCapSettings>(FrequencyCapSettings.DocumentId, ct) ?? configured;

    public async Task<CapVerdict> CheckAsync(IQuerySession session, string customerId, DateTimeOffset now, CancellationToken ct)
    {
        var settings = await SettingsAsync(session, ct);
        if (settings.IsOff) return CapVerdict.Yes;
        await using var command = dataSource.CreateCommand($"""
            select coalesce(sent_at, due_at) from {OutboxSchema.Table}
             where customer_id = @customer and kind = '{OutboxKinds.Flow}' and category = '{MessageCategory.Marketing}'
               and status in ('{OutboxStatus.Pending}', '{OutboxStatus.Sending}', '{OutboxStatus.Sent}')
               and coalesce(sent_at, due_at) > @since
             order by 1
            """);
        command.Parameters.AddWithValue("customer", customerId);
        command.Parameters.AddWithValue("since", now - settings.Period);
        var times = new List<DateTimeOffset>();
        await using (var reader = await command.ExecuteReaderAsync(ct))
            while (await reader.ReadAsync(ct)) times.Add(reader.GetFieldValue<DateTimeOffset>(0));
        if (_staged.TryGetValue(session, out var staged))
            times = times.Concat(staged.Where(x => x.Customer == customerId && x.At > now - settings.Period).Select(x => x.At)).Order().ToList();
        if (times.Count < settings.Messages) return CapVerdict.Yes;
        // The slot frees when the oldest message that fills it leaves the window.
        var freeAt = times[times.Count - settings.Messages] + settings.Period;
        return new CapVerdict(false, $"frequency cap: {times.Count} marketing message(s) in the last {Describe(settings.Period)} (at most {settings.Messages})", freeAt);
    }

    private static string Describe(TimeSpan period) => period.TotalHours % 24 == 0 && period.TotalDays >= 1 ? $"{period.TotalDays:0} day(s)" : $"{period.TotalHours:0.#} hours";
}
