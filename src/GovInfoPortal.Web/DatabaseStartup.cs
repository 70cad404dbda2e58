using GovInfoPortal.Data;
using GovInfoPortal.Data.Seeding;
using GovInfoPortal.Web.Accounts;
using Microsoft.Extensions.Options;

namespace GovInfoPortal.Web;

/// <summary>What the portal does with its database when it starts: migrate, then load demo data in demo mode.</summary>
public static class DatabaseStartup
{
    public static bool IsDemoMode(this IServiceProvider services) =>
        services.GetRequiredService<IOptions<DemoOptions>>().Value.Enabled
        ?? services.GetRequiredService<DatabaseSettings>().Provider == DatabaseProvider.Sqlite;

    public static async Task PrepareDatabaseAsync(this WebApplication app, CancellationToken cancellationToken = default)
    {
        var settings = app.Services.GetRequiredService<DatabaseSettings>();
        app.Logger.LogInformation("Database provider {Provider}", settings.Provider);

        if (app.Configuration.GetValue("Database:MigrateOnStartup", defaultValue: true))
        {
            await app.Services.MigrateGovInfoDatabaseAsync(cancellationToken);
        }

        await app.CreateInitialAdminAsync(cancellationToken);

        if (!app.Services.IsDemoMode())
        {
            await app.RefuseDemoAccountsAsync(cancellationToken);
            return;
        }

        await using var scope = app.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<DemoDataSeeder>()
            .SeedAsync(app.Services.GetRequiredService<IOptions<DemoOptions>>().Value.History, cancellationToken);
        if (result.Seeded)
        {
            app.Logger.LogInformation("Demo mode: loaded {Organizations} organizations and {Reports} reports into the empty database",
                result.Organizations, result.Reports);
        }
        else
        {
            app.Logger.LogInformation("Demo mode: the database already holds data, demo data not loaded");
        }

        await app.PrepareDemoAccountsAsync(result.Seeded, cancellationToken);
    }
}
