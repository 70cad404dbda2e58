using Microsoft.EntityFrameworkCore.Design;

namespace GovInfoPortal.Data.Migrations.Postgres;

/// <summary>
/// Lets `dotnet ef` build the context on Postgres (adding migrations, scripts). Adding a migration needs no
/// database; to apply one from the tools, set GOVINFO_DESIGN_CONNECTION to a connection string.
/// </summary>
public sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<GovInfoDbContext>
{
    private const string PlaceholderConnection = "Host=localhost;Database=govinfo;Username=postgres";

    public GovInfoDbContext CreateDbContext(string[] args) =>
        new(GovInfoDatabase.CreateOptions(DatabaseProvider.Postgres,
            Environment.GetEnvironmentVariable("GOVINFO_DESIGN_CONNECTION") is { Length: > 0 } connection ? connection : PlaceholderConnection));
}
