using System.Text.Json;
using CareFlows.Cli;
using CareFlows.Contracts.Orders;
using CareFlows.Engine.Simulation;

const string Usage = """
    careflows publish-order --sample [--email ADDRESS] [--count N] [--amqp URI]
    careflows publish-order --order FILE.json [--amqp URI]

    Publishes OrderPlaced to RabbitMQ with RabbitMQ.Client (no MassTransit), as a shop would.
    --amqp defaults to $CAREFLOWS_AMQP or amqp://careflows:careflows@127.0.0.1:5672/
    """;

if (args.Length == 0 || args[0] != "publish-order")
{
    Console.Error.WriteLine(Usage);
    return args.Length == 0 || args[0] is "-h" or "--help" ? 0 : 2;
}

string? Option(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;

var amqp = new Uri(Option("--amqp") ?? Environment.GetEnvironmentVariable("CAREFLOWS_AMQP") ?? "amqp://careflows:careflows@127.0.0.1:5672/");
var count = int.TryParse(Option("--count"), out var n) && n > 0 ? n : 1;
List<OrderPlaced> orders;
if (Option("--order") is { } file)
    orders = [JsonSerializer.Deserialize<OrderPlaced>(File.ReadAllText(file), JsonSerializerOptions.Web) ?? throw new InvalidDataException($"{file} holds no order")];
else if (args.Contains("--sample"))
    orders = Enumerable.Range(0, count).Select(_ => SampleOrder.Create(Option("--email") ?? "ada@example.com")).ToList();
else
{
    Console.Error.WriteLine(Usage);
    return 2;
}

await using var publisher = await RawPublisher.ConnectAsync(amqp);
foreach (var order in orders)
{
    var messageId = await publisher.PublishAsync(order);
    Console.WriteLine($"Published OrderPlaced {order.OrderNumber} (order {order.OrderId}, message {messageId}) for {order.Customer.Email}");
}
return 0;
