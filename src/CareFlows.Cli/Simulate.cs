using System.Text.Json;
using CareFlows.Contracts.Orders;
using CareFlows.Engine;
using CareFlows.Engine.Definitions;
using CareFlows.Engine.Simulation;
using CareFlows.Engine.Templates;
using CareFlows.Engine.Timing;

namespace CareFlows.Cli;

/// <summary>careflows simulate: a flow file, an order, scripted events -> the timeline, on a virtual clock.</summary>
public static class Simulate
{
    public static int Run(string flowFile, string? orderFile, IReadOnlyList<string> eventSpecs, string? templatesFolder, bool showEmails)
    {
        var templates = templatesFolder ?? FolderSearch.Up(Directory.GetCurrentDirectory(), "templates");
        var catalog = new TemplateCatalog(templates, "en");
        var renderer = new MessageRenderer(catalog, new ShopOptions());
        var context = new ValidationContext(name => catalog.Exists(name) ? [] : [$"unknown template '{name}'"]);
        var compiled = FlowCompiler.CompileJson(File.ReadAllText(flowFile), context, flowFile);
        if (!compiled.IsValid)
        {
            foreach (var fault in compiled.Faults) Console.Error.WriteLine(fault);
            return 1;
        }
        var order = orderFile is null
            ? SampleOrder.Create()
            : JsonSerializer.Deserialize<OrderPlaced>(File.ReadAllText(orderFile), JsonSerializerOptions.Web) ?? throw new InvalidDataException($"{orderFile} holds no order");
        var result = Simulator.Run(compiled.Flow!, order, eventSpecs.Select(ParseEvent).ToList(), renderer, "Europe/London");

        var start = result.Timeline.FirstOrDefault()?.At ?? order.PlacedAt;
        Console.WriteLine($"{result.FlowId} v{result.Version} for order {order.OrderNumber} ({order.Customer.Email})");
        foreach (var entry in result.Timeline)
        {
            Console.WriteLine($"  {Offset(entry.At - start),-10} {entry.At:yyyy-MM-dd HH:mm}  {entry.Text}{(entry.Why is null ? "" : $"  [{entry.Why}]")}");
            if (entry.Email is { } email)
            {
                Console.WriteLine(email.RenderError is null ? $"{"",30}Subject: {email.Subject}" : $"{"",30}RENDER ERROR: {email.RenderError}");
                if (showEmails && email.Text is not null) Console.WriteLine(string.Join('\n', email.Text.Split('\n').Select(l => $"{"",32}{l}")));
            }
        }
        Console.WriteLine($"Outcome: {result.Outcome}");
        return 0;
    }

    /// <summary>"OrderDelivered@P2D" or "OrderRefunded@P10D:damaged".</summary>
    private static ScriptedEvent ParseEvent(string spec)
    {
        var at = spec.IndexOf('@');
        if (at < 1) throw new ArgumentException($"'{spec}' is not EVENT@DURATION, e.g. OrderDelivered@P2D");
        var rest = spec[(at + 1)..].Split(':', 2);
        if (!IsoDuration.TryParse(rest[0], out var after)) throw new ArgumentException($"'{rest[0]}' is not an ISO-8601 duration such as P2D");
        return new ScriptedEvent(spec[..at], after, rest.Length > 1 ? rest[1] : null);
    }

    private static string Offset(TimeSpan t) => t == TimeSpan.Zero ? "+0" : $"+{(t.Days > 0 ? $"{t.Days}d" : "")}{(t.Hours > 0 ? $"{t.Hours}h" : "")}{(t.Minutes > 0 ? $"{t.Minutes}m" : "")}";

}
