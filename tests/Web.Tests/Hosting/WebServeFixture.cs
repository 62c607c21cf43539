using System.Globalization;
using Hms.Service.Tests.Hosting;
using Microsoft.Playwright;

namespace Hms.Web.Tests.Hosting;

/// <summary>
/// One `hms serve --storage memory --web` process on free loopback ports and one headless Chromium, shared by a
/// collection. The browser is Debian's (HMS_CHROMIUM overrides the path): Playwright only drives it, and never
/// downloads one.
/// </summary>
public sealed class WebServeFixture : IAsyncLifetime
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    private ChildProcess? process;
    private string? stateDirectory;

    public int WebPort { get; } = Ports.Free();

    public Uri Page => new($"http://127.0.0.1:{WebPort}/");

    public IPlaywright Playwright { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>Where each test's screenshots go: beside the test assembly, under screenshots/.</summary>
    public string Screenshots { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    /// <summary>The server's output so far, for failure messages.</summary>
    public string Log => process?.Tail(60) ?? "";

    public static string Chromium => Environment.GetEnvironmentVariable("HMS_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Screenshots);
        stateDirectory = Directory.CreateTempSubdirectory("hms-web-tests-").FullName;
        string[] arguments =
        [
            Repo.HmsDll, "serve", "--storage", "memory", "--web",
            "--web-port", Text(WebPort), "--port", Text(Ports.Free()),
            "--silo-port", Text(Ports.Free()), "--gateway-port", Text(Ports.Free()),
        ];
        process = ChildProcess.Start("dotnet", arguments, stateDirectory,
            new Dictionary<string, string> { ["HMS_STATE_DIR"] = stateDirectory });
        using var timeout = new CancellationTokenSource(StartTimeout);
        try
        {
            await Ports.WaitUntilAcceptingAsync(WebPort, process.Exited, timeout.Token);
        }
        catch (Exception e)
        {
            throw new InvalidOperationException($"`hms serve --web` did not come up ({e.Message})\n{process.Tail()}", e);
        }

        if (!File.Exists(Chromium))
            throw new FileNotFoundException($"no Chromium at {Chromium}: install Debian's chromium (./hms test does) or set HMS_CHROMIUM");
        Playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        Browser = await Playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        });
    }

    /// <summary>A fresh page (its own context) showing the web page, once its script has wired it up.</summary>
    public async Task<IPage> OpenAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 1000 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync(Page.ToString());
        await page.Locator("body[data-ready=true]").WaitForAsync();
        return page;
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        Playwright?.Dispose();
        if (process is not null)
        {
            process.Terminate();
            await process.WaitForExitAsync(TimeSpan.FromSeconds(30));
            process.Dispose();
        }
        if (stateDirectory is not null) Directory.Delete(stateDirectory, recursive: true);
    }

    private static string Text(int port) => port.ToString(CultureInfo.InvariantCulture);
}
