using Microsoft.Playwright;
using Xunit;

namespace GovInfoPortal.Testing;

/// <summary>
/// Headless Chromium for the browser tests: the system's Chromium (Debian's package), never a downloaded
/// build. <c>GOVINFO_TEST_BROWSER</c> names the executable; the default is <c>/usr/bin/chromium</c>.
/// </summary>
public sealed class TestBrowser : IAsyncDisposable
{
    public const string BrowserVariable = "GOVINFO_TEST_BROWSER";
    private const string DefaultExecutable = "/usr/bin/chromium";

    private static readonly string[] Arguments =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    private readonly IPlaywright _playwright;

    private TestBrowser(IPlaywright playwright, IBrowser browser)
    {
        _playwright = playwright;
        Browser = browser;
    }

    public IBrowser Browser { get; }

    public static string? Executable =>
        Environment.GetEnvironmentVariable(BrowserVariable) is { Length: > 0 } configured ? configured
        : File.Exists(DefaultExecutable) ? DefaultExecutable
        : null;

    /// <summary>Why browser tests are skipped, or null when they run (a browser is there, or CI requires them).</summary>
    public static string? SkipReason => Executable is null && !TestEnvironment.IsCi
        ? $"No Chromium found: install Debian's chromium or set {BrowserVariable}."
        : null;

    public static async Task<TestBrowser> LaunchAsync()
    {
        var executable = Executable ?? throw new InvalidOperationException(
            $"The browser tests must run under CI, but no Chromium was found: install Debian's chromium or set {BrowserVariable}.");
        var playwright = await Playwright.CreateAsync();
        try
        {
            var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = executable,
                Headless = true,
                Args = Arguments,
            });
            return new TestBrowser(playwright, browser);
        }
        catch
        {
            playwright.Dispose();
            throw;
        }
    }

    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "zh-CN" });
        return await context.NewPageAsync();
    }

    /// <summary>Where a test keeps what it saw (screenshots), beside the test assembly.</summary>
    public static string ArtifactPath(string fileName)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "artifacts");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, fileName);
    }

    public async ValueTask DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright.Dispose();
    }
}

/// <summary>
/// A test that drives a real browser. Skipped when no Chromium is installed outside CI; under CI
/// (<c>CI=true</c>) it runs anyway and fails on the missing browser.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute() => Skip = TestBrowser.SkipReason;
}
