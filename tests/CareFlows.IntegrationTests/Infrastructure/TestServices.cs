namespace CareFlows.IntegrationTests.Infrastructure;

/// <summary>Where the real services are, as scripts/services.sh starts them (overridable for other setups).</summary>
public static class TestServices
{
    public const string Vhost = "careflows-tests";

    public static string Postgres =>
        Environment.GetEnvironmentVariable("CAREFLOWS_TEST_POSTGRES")
        ?? "Host=127.0.0.1;Port=5432;Database=careflows_tests;Username=careflows;Password=careflows;SSL Mode=Disable";

    public static Uri Amqp => new(Environment.GetEnvironmentVariable("CAREFLOWS_TEST_AMQP") ?? $"amqp://careflows:careflows@127.0.0.1:5672/{Vhost}");

    public static Uri MailSinkApi => new(Environment.GetEnvironmentVariable("CAREFLOWS_TEST_MAILDEV") ?? "http://127.0.0.1:1080/");

    public static int SmtpPort => int.Parse(Environment.GetEnvironmentVariable("CAREFLOWS_TEST_SMTP_PORT") ?? "1025");

    /// <summary>The tests' own Dovecot mailbox (user "careflows-tests"), which the server reads as its inbound mailbox.</summary>
    public static int ImapPort => int.Parse(Environment.GetEnvironmentVariable("CAREFLOWS_TEST_IMAP_PORT") ?? "1143");
    public const string ImapUser = "careflows-tests";
    public const string ImapPassword = "careflows";
    public const string UnsubscribeAddress = "unsubscribe@careflows.test";
}
