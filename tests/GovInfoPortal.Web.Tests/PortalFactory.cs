using GovInfoPortal.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace GovInfoPortal.Web.Tests;

/// <summary>The portal as it starts in production, on a real test database.</summary>
public class PortalFactory(TestDatabase database, bool? demo = null, bool migrate = true) : WebApplicationFactory<Program>
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
    }
}
