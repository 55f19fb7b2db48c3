namespace CareFlows.Server.Hosting;

/// <summary>
/// A message that can never succeed. MassTransit's retry policy ignores it, so the message goes straight to the
/// endpoint's error queue, where this message text is its MT-Fault-Message header.
/// </summary>
public sealed class InvalidMessageException(string messageType, IReadOnlyList<string> faults)
    : Exception($"Invalid {messageType}: {string.Join("; ", faults)}")
{
    public IReadOnlyList<string> Faults { get; } = faults;
}
