using GovInfoPortal.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace GovInfoPortal.Web.Tests.Security;

/// <summary>The demo portal in production settings with extra settings (small limits) for one security test.</summary>
public sealed class HardenedPortal(TestDatabase database, IReadOnlyDictionary<string, string>? settings = null, bool demo = true,
    Action<IServiceCollection>? services = null)
    : PortalFactory(database, demo)
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            builder.UseSetting(key, value);
        }

        if (services is not null)
        {
            builder.ConfigureTestServices(services);
        }
    }

    /// <summary>A client that does not follow redirects, on https (production cookies are secure) or http.</summary>
    public HttpClient Client(bool https = true) => CreateClient(new WebApplicationFactoryClientOptions
    {
        BaseAddress = new Uri(https ? "https://govinfo.test" : "http://govinfo.test"),
        AllowAutoRedirect = false,
    });
}

/// <summary>A demo database on SQLite with one portal in its default settings; other portals may open the same database.</summary>
public sealed class HardenedDemo : IAsyncLifetime
{
    private readonly DatabaseFixture _databases = new();

    public TestDatabase Database { get; private set; } = null!;

    public HardenedPortal Portal { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Database = await _databases.CreateAsync(TestProvider.Sqlite, migrate: false);
        Portal = new HardenedPortal(Database);
        Portal.CreateClient().Dispose();
    }

    public async Task DisposeAsync()
    {
        await Portal.DisposeAsync();
        await _databases.DisposeAsync();
    }
}
