using GovInfoPortal.Testing;

namespace GovInfoPortal.Web.Tests.Public;

/// <summary>The demo portal on Kestrel (a real port) for the browser tests, with the unpublished reports of <see cref="DemoPortals"/>.</summary>
public class BrowserPortal : IAsyncLifetime
{
    private readonly DatabaseFixture _databases = new();
    private PortalFactory? _portal;

    public string BaseAddress { get; private set; } = string.Empty;

    /// <summary>Whether the demo holds its synthetic history (see <see cref="HistoryBrowserPortal"/>).</summary>
    protected virtual bool History => false;

    public async Task InitializeAsync()
    {
        if (TestBrowser.SkipReason is not null)
        {
            return;
        }

        var database = await _databases.CreateAsync(TestProvider.Sqlite, migrate: false);
        _portal = new PortalFactory(database, demo: true, demoHistory: History);
        _portal.UseKestrel(0);
        _portal.StartServer();
        BaseAddress = _portal.ClientOptions.BaseAddress.ToString().TrimEnd('/');
        await DemoPortals.AddUnpublishedAsync(database);
    }

    public async Task DisposeAsync()
    {
        if (_portal is not null)
        {
            await _portal.DisposeAsync();
        }

        await _databases.DisposeAsync();
    }
}

/// <summary>The same on the demo with its synthetic history, as the first start holds it.</summary>
public sealed class HistoryBrowserPortal : BrowserPortal
{
    protected override bool History => true;
}

/// <summary>A browser test with rows: skipped like <see cref="BrowserFactAttribute"/> when no Chromium is there outside CI.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class BrowserTheoryAttribute : TheoryAttribute
{
    public BrowserTheoryAttribute() => Skip = TestBrowser.SkipReason;
}
