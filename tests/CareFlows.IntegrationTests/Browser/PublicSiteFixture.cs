using System.Net;
using System.Net.Sockets;
using CareFlows.IntegrationTests.Infrastructure;
using Microsoft.Playwright;

namespace CareFlows.IntegrationTests.Browser;

/// <summary>
/// CareFlows listening on a real port, with its links pointing there, and Debian's Chromium and Firefox driven by
/// Playwright: what a customer clicks in an email and what a marketer sees in the designer. Marketing here needs
/// double opt-in.
/// </summary>
public sealed class PublicSiteFixture : CareFlowsFixture
{
    private readonly int _port = FreePort();
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;
    public IBrowser Firefox { get; private set; } = null!;
    public string BaseUrl => $"http://127.0.0.1:{_port}";

    protected override int HttpPort => _port;

    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["Consent:PublicBaseUrl"] = BaseUrl,
        ["Consent:DoubleOptIn:0"] = "marketing",
        ["Designer:Username"] = DesignerUser,
        ["Designer:Password"] = DesignerPassword,
    };

    public const string DesignerUser = "marketer", DesignerPassword = "browser-test-password";

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
        });
        // Stock Firefox, not Playwright's patched build: the "moz-firefox" channel drives it over WebDriver BiDi.
        Firefox = await _playwright.Firefox.LaunchAsync(new BrowserTypeLaunchOptions { Channel = "moz-firefox", ExecutablePath = FirefoxPath, Headless = true });
    }

    public IBrowser Named(string browser) => browser switch
    {
        "chromium" => Browser,
        "firefox" => Firefox,
        _ => throw new ArgumentOutOfRangeException(nameof(browser), browser, "chromium or firefox"),
    };

    /// <summary>
    /// A page in the designer, signed in by typing into the form key by key, at <paramref name="hash"/> (e.g.
    /// "#/flows/welcome"); it returns once the signed-in screen has loaded.
    /// </summary>
    public async Task<IPage> SignedInDesignerAsync(string browser = "chromium", string hash = "")
    {
        var page = await Named(browser).NewPageAsync(new() { ViewportSize = new() { Width = 1400, Height = 900 }, AcceptDownloads = true });
        await page.GotoAsync($"{BaseUrl}/designer/{hash}");
        await page.GetByLabel("User name").PressSequentiallyAsync(DesignerUser);
        await page.GetByLabel("Password").PressSequentiallyAsync(DesignerPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).WaitForAsync();
        return page;
    }

    /// <summary>Debian's build (scripts/browser.sh installs it); CAREFLOWS_CHROMIUM points elsewhere.</summary>
    public static string ChromiumPath => Environment.GetEnvironmentVariable("CAREFLOWS_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    /// <summary>Debian's Firefox ESR (scripts/browser.sh installs it); CAREFLOWS_FIREFOX points elsewhere.</summary>
    public static string FirefoxPath => Environment.GetEnvironmentVariable("CAREFLOWS_FIREFOX") is { Length: > 0 } path ? path : "/usr/bin/firefox-esr";

    /// <summary>Where screenshots of the main screens go: artifacts/screenshots under the repository.</summary>
    public static string ScreenshotPath(string name)
    {
        var folder = Path.Combine(Path.GetDirectoryName(RepositoryFolder("src"))!, "artifacts", "screenshots");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, $"{name}.png");
    }

    public override async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        if (Firefox is not null) await Firefox.DisposeAsync();
        _playwright?.Dispose();
        await base.DisposeAsync();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

[CollectionDefinition(Name)]
public sealed class PublicSiteCollection : ICollectionFixture<PublicSiteFixture>
{
    public const string Name = "CareFlows in a real browser";
}
