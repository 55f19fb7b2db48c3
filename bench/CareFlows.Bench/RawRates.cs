using System.Diagnostics;
using MailKit.Net.Smtp;
using MimeKit;
using Npgsql;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace CareFlows.Bench;

/// <summary>What the parts underneath can do on this machine, measured in the same run as CareFlows itself.</summary>
public static class RawRates
{
    public static async Task<double> RabbitPublishConsumeAsync(int count)
    {
        await using var connection = await new ConnectionFactory { Uri = BenchEnvironment.Amqp }.CreateConnectionAsync();
        await using var consumerChannel = await connection.CreateChannelAsync();
        var queue = (await consumerChannel.QueueDeclareAsync("", durable: false, exclusive: true, autoDelete: true)).QueueName;
        await consumerChannel.BasicQosAsync(0, 32, false);
        var received = 0;
        var done = new TaskCompletionSource();
        var consumer = new AsyncEventingBasicConsumer(consumerChannel);
        consumer.ReceivedAsync += async (_, e) =>
        {
            await consumerChannel.BasicAckAsync(e.DeliveryTag, false);
            if (Interlocked.Increment(ref received) == count) done.TrySetResult();
        };
        await consumerChannel.BasicConsumeAsync(queue, autoAck: false, consumer);

        var body = new byte[700]; // about the size of an OrderPlaced envelope
        var clock = Stopwatch.StartNew();
        await using var publishChannel = await connection.CreateChannelAsync(new CreateChannelOptions(true, true));
        for (var i = 0; i < count; i++)
            await publishChannel.BasicPublishAsync("", queue, false, new BasicProperties { DeliveryMode = DeliveryModes.Persistent }, body);
        await done.Task;
        return count / clock.Elapsed.TotalSeconds;
    }

    /// <summary>Single-row transactions from 8 connections: the shape of a step's commit, without Marten.</summary>
    public static async Task<double> PostgresInsertsAsync(BenchEnvironment env, int count, int connections = 8)
    {
        await using (var create = env.DataSource.CreateCommand("drop table if exists bench_raw; create table bench_raw (id uuid primary key, data jsonb not null)"))
            await create.ExecuteNonQueryAsync();
        var payload = System.Text.Json.JsonSerializer.Serialize(new { order = new string('x', 800) });
        var next = -1;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, connections).Select(async _ =>
        {
            await using var connection = await env.DataSource.OpenConnectionAsync();
            for (var i = Interlocked.Increment(ref next); i < count; i = Interlocked.Increment(ref next))
            {
                await using var insert = new NpgsqlCommand("insert into bench_raw (id, data) values (@id, @data::jsonb)", connection);
                insert.Parameters.AddWithValue("id", Guid.NewGuid());
                insert.Parameters.AddWithValue("data", payload);
                await insert.ExecuteNonQueryAsync();
            }
        }));
        var rate = count / clock.Elapsed.TotalSeconds;
        await using (var drop = env.DataSource.CreateCommand("drop table bench_raw")) await drop.ExecuteNonQueryAsync();
        return rate;
    }

    public static async Task<double> MailKitAsync(int count, int connections)
    {
        var clock = Stopwatch.StartNew();
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, connections).Select(async _ =>
        {
            using var client = new SmtpClient();
            // The same message and socket setting (no Nagle) as the server's dispatcher, so the two figures compare.
            var socket = new System.Net.Sockets.Socket(System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp) { NoDelay = true };
            await socket.ConnectAsync("127.0.0.1", 1025);
            await client.ConnectAsync(socket, "127.0.0.1", 1025, MailKit.Security.SecureSocketOptions.None);
            for (var i = Interlocked.Increment(ref next); i < count; i = Interlocked.Increment(ref next))
            {
                var message = new MimeMessage { Subject = $"raw {i}", Body = new BodyBuilder { HtmlBody = Delivery.Html, TextBody = Delivery.Text }.ToMessageBody() };
                message.From.Add(MailboxAddress.Parse("bench@shop.example"));
                message.To.Add(MailboxAddress.Parse($"raw-{i}@bench.example"));
                await client.SendAsync(message);
            }
            await client.DisconnectAsync(true);
        }));
        return count / clock.Elapsed.TotalSeconds;
    }
}
