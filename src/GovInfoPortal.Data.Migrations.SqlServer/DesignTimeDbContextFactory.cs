using Microsoft.EntityFrameworkCore.Design;

namespace GovInfoPortal.Data.Migrations.SqlServer;

/// <summary>
/// Lets `dotnet ef` build the context on SqlServer (adding migrations, scripts). Adding a migration needs no
/// database; to apply one from the tools, set GOVINFO_DESIGN_CONNECTION to a connection string.
/// </summary>
public sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<GovInfoDbContext>
{
    private const string PlaceholderConnection = "Server=localhost;Database=govinfo;Trusted_Connection=True;TrustServerCertificate=True";

    public GovInfoDbContext CreateDbContext(string[] args) =>
        new(GovInfoDatabase.CreateOptions(DatabaseProvider.SqlServer,
            Environment.GetEnvironmentVariable("GOVINFO_DESIGN_CONNECTION") is { Length: > 0 } connection ? connection : PlaceholderConnection));
}
