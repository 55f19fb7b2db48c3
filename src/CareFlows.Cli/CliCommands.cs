using System.CommandLine;
using System.Text.Json;
using CareFlows.Contracts.Orders;
using CareFlows.Engine.Definitions;
using CareFlows.Engine.Simulation;

namespace CareFlows.Cli;

/// <summary>The careflows commands, their options and their checks: built here so tests can parse command lines as the tool does.</summary>
public static class CliCommands
{
    public static RootCommand Build()
    {
        // System.CommandLine gives every command its help (-h), refuses an unknown or mistyped option, a value of the wrong
        // type (--count x) and a missing argument with a clear message and exit code 1, before anything runs.
        var root = new RootCommand("CareFlows command line: publish orders as a shop would, simulate a flow, check templates.");

        var amqp = new Option<Uri>("--amqp")
        {
            Description = "The broker, e.g. amqp://user:password@host:5672/vhost",
            DefaultValueFactory = _ => new Uri(Environment.GetEnvironmentVariable("CAREFLOWS_AMQP") ?? "amqp://careflows:careflows@127.0.0.1:5672/"),
        };
        var sample = new Option<bool>("--sample") { Description = "Publish fresh sample orders" };
        var orderFile = new Option<FileInfo>("--order") { Description = "Publish the order in this JSON file" };
        var email = new Option<string>("--email") { Description = "The sample orders' customer address", DefaultValueFactory = _ => "ada@example.com" };
        var count = new Option<int>("--count") { Description = "How many sample orders", DefaultValueFactory = _ => 1 };
        count.Validators.Add(result =>
        {
            // Reading the value here would throw for text that is not a number; the parser reports that one itself.
            if (result.Tokens is [{ Value: var text }] && int.TryParse(text, out var n) && n < 1) result.AddError("--count must be 1 or more");
        });
        var publish = new Command("publish-order", "Publishes OrderPlaced to RabbitMQ with RabbitMQ.Client (no MassTransit), as a shop would")
        {
            sample, orderFile, email, count, amqp,
        };
        publish.Validators.Add(result =>
        {
            if (result.GetValue(sample) == (result.GetResult(orderFile) is not null))
                result.AddError("Give either --sample or --order FILE.json");
        });
        publish.SetAction(async (parse, ct) =>
        {
            List<OrderPlaced> orders = parse.GetValue(orderFile) is { } file
                ? [JsonSerializer.Deserialize<OrderPlaced>(await File.ReadAllTextAsync(file.FullName, ct), JsonSerializerOptions.Web) ?? throw new InvalidDataException($"{file} holds no order")]
                : Enumerable.Range(0, parse.GetValue(count)).Select(_ => SampleOrder.Create(parse.GetValue(email)!)).ToList();
            await using var publisher = await RawPublisher.ConnectAsync(parse.GetValue(amqp)!);
            for (var i = 0; i < orders.Count; i++)
            {
                var order = orders[i];
                var messageId = await publisher.PublishAsync(order);
                if (orders.Count <= 20) Console.WriteLine($"Published OrderPlaced {order.OrderNumber} (order {order.OrderId}, message {messageId})");
                else if ((i + 1) % 100 == 0 || i + 1 == orders.Count) Console.Error.Write($"\rPublished {i + 1} of {orders.Count} orders");
            }
            if (orders.Count > 20) Console.Error.WriteLine();
            return 0;
        });

        var flowFile = new Argument<FileInfo>("flow") { Description = "The flow definition, e.g. workflows/close-the-loop.json" };
        var simulatedOrder = new Option<FileInfo>("--order") { Description = "The order to simulate with (default: a sample order)" };
        var events = new Option<string[]>("--event")
        {
            Description = "EVENT@DURATION[:reason], e.g. OrderDelivered@P2DT6H, OrderRefunded@P10D:damaged, FeedbackGiven@P7D:2:box was damaged, CustomerReplied@P7D:text or CaseResolved@P8D; repeatable",
            AllowMultipleArgumentsPerToken = false,
        };
        var templates = new Option<DirectoryInfo>("--templates") { Description = "The templates folder (default: ./templates, searched upwards)" };
        var emails = new Option<bool>("--emails") { Description = "Print each email's text" };
        var simulate = new Command("simulate", "Runs a flow on a virtual clock and prints its timeline")
        {
            flowFile, simulatedOrder, events, templates, emails,
        };
        simulate.SetAction(parse => Simulate.Run(parse.GetValue(flowFile)!.FullName, parse.GetValue(simulatedOrder)?.FullName,
            parse.GetValue(events) ?? [], parse.GetValue(templates)?.FullName, parse.GetValue(emails)));

        var templatesFolder = new Argument<DirectoryInfo?>("folder") { Description = "The templates folder (default: ./templates)", Arity = ArgumentArity.ZeroOrOne };
        var checkTemplates = new Command("check-templates",
            "Checks every template in every locale (syntax, names the model lacks in any branch, rendering for a sample order); exits 1 on a fault")
        {
            templatesFolder,
        };
        checkTemplates.SetAction(parse => CheckTemplates.Run(parse.GetValue(templatesFolder)?.FullName));

        var schema = new Command("schema", "Prints the JSON Schema of flow definitions (as in workflows/schema/flow.schema.json)");
        schema.SetAction(_ =>
        {
            Console.WriteLine(DefinitionSchema.Json());
            return 0;
        });

        root.Subcommands.Add(publish);
        root.Subcommands.Add(simulate);
        root.Subcommands.Add(checkTemplates);
        root.Subcommands.Add(schema);
        return root;
    }
}
