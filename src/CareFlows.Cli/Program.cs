using System.Text.Json;
using CareFlows.Cli;
using CareFlows.Contracts.Orders;
using CareFlows.Engine.Definitions;
using CareFlows.Engine.Simulation;

const string Usage = """
    careflows publish-order --sample [--email ADDRESS] [--count N] [--amqp URI]
    careflows publish-order --order FILE.json [--amqp URI]
        Publishes OrderPlaced to RabbitMQ with RabbitMQ.Client (no MassTransit), as a shop would.
        --amqp defaults to $CAREFLOWS_AMQP or amqp://careflows:careflows@127.0.0.1:5672/

    careflows simulate FLOW.json [--order ORDER.json] [--event EVENT@DURATION[:reason]]... [--templates DIR] [--emails]
        Runs a flow on a virtual clock and prints its timeline, e.g.
        careflows simulate workflows/close-the-loop.json --order samples/order.json --event OrderDelivered@P2D

    careflows check-templates [DIR]
        Checks every template in every locale (syntax, names the model lacks in any branch, rendering for a sample
        order) and prints each fault as file(line,column). Exits 1 when there is one. DIR defaults to ./templates.

    careflows schema
        Prints the JSON Schema of flow definitions (as in workflows/schema/flow.schema.json).
    """;

string? Option(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
IReadOnlyList<string> Options(string name) => args.Select((a, i) => (a, i)).Where(x => x.a == name && x.i + 1 < args.Length).Select(x => args[x.i + 1]).ToList();

try
{
    return args.FirstOrDefault() switch
    {
        "publish-order" => await PublishOrder(),
        "simulate" when args.Length > 1 => Simulate.Run(args[1], Option("--order"), Options("--event"), Option("--templates"), args.Contains("--emails")),
        "check-templates" => CheckTemplates.Run(args.Length > 1 ? args[1] : null),
        "schema" => PrintSchema(),
        null or "-h" or "--help" => Help(0),
        _ => Help(2),
    };
}
catch (Exception e) when (e is ArgumentException or IOException or JsonException or InvalidDataException)
{
    Console.Error.WriteLine($"careflows: {e.Message}");
    return 1;
}

int Help(int code)
{
    Console.Error.WriteLine(Usage);
    return code;
}

int PrintSchema()
{
    Console.WriteLine(DefinitionSchema.Json());
    return 0;
}

async Task<int> PublishOrder()
{
    var amqp = new Uri(Option("--amqp") ?? Environment.GetEnvironmentVariable("CAREFLOWS_AMQP") ?? "amqp://careflows:careflows@127.0.0.1:5672/");
    var count = int.TryParse(Option("--count"), out var n) && n > 0 ? n : 1;
    List<OrderPlaced> orders;
    if (Option("--order") is { } file)
        orders = [JsonSerializer.Deserialize<OrderPlaced>(File.ReadAllText(file), JsonSerializerOptions.Web) ?? throw new InvalidDataException($"{file} holds no order")];
    else if (args.Contains("--sample"))
        orders = Enumerable.Range(0, count).Select(_ => SampleOrder.Create(Option("--email") ?? "ada@example.com")).ToList();
    else return Help(2);

    await using var publisher = await RawPublisher.ConnectAsync(amqp);
    foreach (var order in orders)
    {
        var messageId = await publisher.PublishAsync(order);
        Console.WriteLine($"Published OrderPlaced {order.OrderNumber} (order {order.OrderId}, message {messageId}) for {order.Customer.Email}");
    }
    return 0;
}
