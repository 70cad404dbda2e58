using GovInfoPortal.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace GovInfoPortal.Web.Tests;

/// <summary>
/// The portal as it starts in production, on a real test database. In demo mode the demo holds the three real reports
/// alone unless <paramref name="demoHistory"/> asks for the synthetic history too (the tests' expectations are written
/// on the three real reports; the history's own tests ask for it).
/// </summary>
public class PortalFactory(TestDatabase database, bool? demo = null, bool migrate = true, bool demoHistory = false) : WebApplicationFactory<Program>
{
    public TestDatabase Database { get; } = database;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("Database:Provider", Database.Provider.ToString());
        builder.UseSetting("ConnectionStrings:Default", Database.ConnectionString);
        builder.UseSetting("Database:MigrateOnStartup", migrate.ToString());
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        // Every test client comes from one address: the rate limits get room for whole test classes (the security tests set small ones).
        builder.UseSetting("Security:SignIn:PermitLimit", "100000");
        builder.UseSetting("Security:Search:PermitLimit", "100000");
        builder.UseSetting("Security:Validate:PermitLimit", "100000");
        if (demo is { } enabled)
        {
            builder.UseSetting("Demo:Enabled", enabled.ToString());
        }

        builder.UseSetting("Demo:History", demoHistory.ToString());
    }
}
