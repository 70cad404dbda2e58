using GovInfoPortal.Data.Peers;
using GovInfoPortal.Data.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GovInfoPortal.Data;

/// <summary>Applies the provider's migrations (from its <c>GovInfoPortal.Data.Migrations.&lt;Provider&gt;</c> assembly).</summary>
public sealed class DatabaseMigrator(GovInfoDbContext db)
{
    /// <summary>
    /// Brings the database up to the latest migration, creating it when it does not exist, and fills the
    /// search index, the organizations' year totals, the peer index and the published versions' fingerprints when the database holds reports from before them.
    /// </summary>
    public async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        // A migration may rewrite a large table (the search index of a million reports) in one statement.
        await db.WithBulkTimeoutAsync(() => db.Database.MigrateAsync(cancellationToken));

        await new ReportSearchIndex(db).EnsureBuiltAsync(cancellationToken);
        await Statistics.OrganizationTotals.EnsureBuiltAsync(db, cancellationToken);
        await new PeerIndex(db).EnsureBuiltAsync(cancellationToken);
        await Fingerprints.PublishedVersions.EnsureFingerprintsAsync(db, cancellationToken);
    }

    /// <summary>The migrations not yet applied, oldest first.</summary>
    public async Task<IReadOnlyList<string>> GetPendingMigrationsAsync(CancellationToken cancellationToken = default) =>
        (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
}

public static class DatabaseMigratorExtensions
{
    /// <summary>Migrates the registered database in a scope of its own (at start-up of the web app or the CLI).</summary>
    public static async Task MigrateGovInfoDatabaseAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync(cancellationToken);
    }
}
