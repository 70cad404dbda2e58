using Microsoft.EntityFrameworkCore.Design;

namespace GovInfoPortal.Data.Migrations.Sqlite;

/// <summary>
/// Lets `dotnet ef` build the context on Sqlite (adding migrations, scripts). Adding a migration needs no
/// database; to apply one from the tools, set GOVINFO_DESIGN_CONNECTION to a connection string.
/// </summary>
public sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<GovInfoDbContext>
{
    private const string PlaceholderConnection = "Data Source=govinfo-design.db";

    public GovInfoDbContext CreateDbContext(string[] args) =>
        new(GovInfoDatabase.CreateOptions(DatabaseProvider.Sqlite,
            Environment.GetEnvironmentVariable("GOVINFO_DESIGN_CONNECTION") is { Length: > 0 } connection ? connection : PlaceholderConnection));
}
