using CareFlows.TestSupport;

namespace CareFlows.IntegrationTests.Infrastructure;

/// <summary>
/// A host that sends to <see cref="RecordingSmtpServer"/> instead of the shared sink: the tests can refuse a
/// recipient with a 5xx, or take the SMTP server away and bring it back.
/// </summary>
public sealed class DeliveryFixture : CareFlowsFixture
{
    public RecordingSmtpServer Smtp { get; } = new();

    protected override int SmtpPort => Smtp.Port;

    public override async Task InitializeAsync()
    {
        Smtp.Start();
        await base.InitializeAsync();
    }

    public override async Task ResetAsync()
    {
        if (Smtp.Port == 0 || !IsListening()) Smtp.Start();
        await base.ResetAsync();
        Smtp.Clear();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Smtp.DisposeAsync();
    }

    private bool IsListening()
    {
        try
        {
            using var probe = new System.Net.Sockets.TcpClient();
            probe.Connect(System.Net.IPAddress.Loopback, Smtp.Port);
            return true;
        }
        catch (System.Net.Sockets.SocketException) { return false; }
    }
}

[CollectionDefinition(Name)]
public sealed class DeliveryCollection : ICollectionFixture<DeliveryFixture>
{
    public const string Name = "Delivery against a controllable SMTP server";
}
