using System.Collections.Concurrent;
using MassTransit;

namespace CareFlows.IntegrationTests.Infrastructure;

/// <summary>
/// Observes the real bus: which messages a consumer has finished with (successfully or not). Lets a test wait
/// until a duplicate has been handled, instead of sleeping and hoping.
/// </summary>
public sealed class ConsumedMessages : IConsumeObserver
{
    private readonly ConcurrentQueue<(Type Type, Guid? MessageId, bool Faulted)> _finished = new();

    public int Count<T>() => _finished.Count(m => m.Type == typeof(T));

    public Task<int> WaitForAsync<T>(int count) where T : class =>
        Eventually.Until(() => Task.FromResult(Count<T>()), n => n >= count, $"{count} {typeof(T).Name} consumed");

    public void Clear() => _finished.Clear();

    public Task PreConsume<T>(ConsumeContext<T> context) where T : class => Task.CompletedTask;

    public Task PostConsume<T>(ConsumeContext<T> context) where T : class
    {
        _finished.Enqueue((typeof(T), context.MessageId, false));
        return Task.CompletedTask;
    }

    public Task ConsumeFault<T>(ConsumeContext<T> context, Exception exception) where T : class
    {
        _finished.Enqueue((typeof(T), context.MessageId, true));
        return Task.CompletedTask;
    }
}
