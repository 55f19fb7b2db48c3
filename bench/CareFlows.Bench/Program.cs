using System.Diagnostics;
using CareFlows.Bench;

// Runs against the real services (./scripts/services.sh starts them) and the built server. Prints its figures;
// it asserts nothing. Sizes default to the targets in the flow-engine issue; --quick runs small ones.
var quick = args.Contains("--quick");
int Size(string name, int full, int small) =>
    Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1]) : quick ? small : full;
var orders = Size("--orders", 20_000, 2_000);
var timers = Size("--timers", 50_000, 5_000);
var waiting = Math.Max(timers, Size("--waiting", 200_000, 10_000));
var repositoryWorkflows = CareFlows.Engine.FolderSearch.Up(AppContext.BaseDirectory, "workflows");

Console.WriteLine($"CareFlows benchmark: {orders:N0} orders, {timers:N0} timers due at once, {waiting:N0} waiting instances; {Environment.ProcessorCount} cores");
await using var env = new BenchEnvironment();

Console.WriteLine("1/5 raw rates of the parts underneath");
var rabbit = await RawRates.RabbitPublishConsumeAsync(orders);
var postgres = await RawRates.PostgresInsertsAsync(env, orders);
var mailKit1 = await RawRates.MailKitAsync(2_000, connections: 1);
var mailKit4 = await RawRates.MailKitAsync(2_000, connections: 4);
await env.ClearMailAsync();

Console.WriteLine("2/5 dispatcher: outbox -> SMTP sink");
var delivery1 = await Delivery.OutboxToSinkAsync(env, quick ? 1_000 : 5_000, connections: 1);
var delivery4 = await Delivery.OutboxToSinkAsync(env, quick ? 1_000 : 5_000, connections: 4);

Console.WriteLine("3/5 end to end: OrderPlaced published -> confirmation accepted by SMTP");
var e2e = await EndToEnd.RunAsync(env, repositoryWorkflows, orders);

Console.WriteLine("4/5 timers falling due at once");
await env.ResetAsync();
var waitingFlow = await Timers.WaitingFlowFolderAsync();
var startClock = Stopwatch.StartNew();
var server = await env.StartServerAsync("bench-timers", waitingFlow);
var startupEmpty = startClock.Elapsed;
await Task.Delay(TimeSpan.FromSeconds(5));
var idleEmpty = server.ResidentBytes();
var timerResult = await Timers.AllDueAtOnceAsync(env, server, timers);

Console.WriteLine("5/5 memory and start-up with many waiting instances");
var memory = await Timers.MemoryWithWaitingAsync(env, waitingFlow, timers, waiting, idleEmpty, startupEmpty, server);
await server.DisposeAsync();

Console.WriteLine();
Console.WriteLine("Raw rates (same machine, same run)");
Console.WriteLine($"  RabbitMQ publish (confirmed) -> consume (acked), 1 publisher      {rabbit,10:N0} msg/s");
Console.WriteLine($"  PostgreSQL single-row insert transactions, 8 connections          {postgres,10:N0} rows/s");
Console.WriteLine($"  MailKit -> SMTP sink, 1 connection                                 {mailKit1,10:N0} msg/s");
Console.WriteLine($"  MailKit -> SMTP sink, 4 connections                                {mailKit4,10:N0} msg/s");
Console.WriteLine("CareFlows");
Console.WriteLine($"  dispatcher, outbox -> SMTP sink, 1 connection                      {delivery1.MessagesPerSecond,10:N0} msg/s");
Console.WriteLine($"  dispatcher, outbox -> SMTP sink, 4 connections                     {delivery4.MessagesPerSecond,10:N0} msg/s");
Console.WriteLine($"  orders published (4 publishers)                                    {e2e.PublishPerSecond,10:N0} orders/s");
Console.WriteLine($"  OrderPlaced -> confirmation handed to SMTP, sustained over {e2e.Orders:N0}  {e2e.OrdersPerSecond,10:N0} orders/s");
Console.WriteLine($"    latency p50 {e2e.P50.TotalMilliseconds:N0} ms, p99 {e2e.P99.TotalMilliseconds:N0} ms, max {e2e.Max.TotalMilliseconds:N0} ms");
Console.WriteLine($"  instances started into a wait                                      {timerResult.StartsPerSecond,10:N0} instances/s");
Console.WriteLine($"  steps when {timerResult.Timers:N0} timers fall due at once                  {timerResult.StepsPerSecond,10:N0} steps/s");
Console.WriteLine($"  server memory (RSS): idle, empty store                             {memory.IdleEmptyBytes / 1048576.0,10:N0} MiB");
Console.WriteLine($"  server memory (RSS): with {memory.Waiting:N0} waiting instances          {memory.LoadedBytes / 1048576.0,10:N0} MiB");
Console.WriteLine($"  server memory (RSS): restarted with {memory.Waiting:N0} waiting           {memory.AfterRestartBytes / 1048576.0,10:N0} MiB");
Console.WriteLine($"  start-up: empty store {memory.StartupEmpty.TotalSeconds:N1} s; with {memory.Waiting:N0} waiting {memory.StartupLoaded.TotalSeconds:N1} s");
return 0;

