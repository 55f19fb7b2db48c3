using System.Text.Json;
using CareFlows.Cli;

try
{
    return await CliCommands.Build().Parse(args).InvokeAsync();
}
catch (Exception e) when (e is ArgumentException or IOException or JsonException or InvalidDataException)
{
    Console.Error.WriteLine($"careflows: {e.Message}");
    return 1;
}
