using GovInfoPortal.Core.Domain;
using GovInfoPortal.Data.Archive;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace GovInfoPortal.Data.Caching;

/// <summary>
/// Advances the <see cref="ContentGeneration"/> in the same save (and so the same transaction) as any change the
/// public pages show: a report that is or was published added, changed or deleted (publication, a correction's
/// publication, an import), a published version archived, an archived original uploaded, an organization added, changed or deleted. Drafts and
/// reviews do not touch it, so the cached public pages survive the daily work of clerks and reviewers. Registered
/// on every context by <see cref="GovInfoDatabase.Configure"/>.
/// </summary>
public sealed class ContentGenerationInterceptor : SaveChangesInterceptor
{
    public static readonly ContentGenerationInterceptor Instance = new();

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        Advance(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Advance(eventData.Context);
        return result;
    }

    private static void Advance(DbContext? context)
    {
        if (context is not GovInfoDbContext db || !ChangesPublicContent(db))
        {
            return;
        }

        var now = DateTime.UtcNow;
        var tracked = db.ChangeTracker.Entries<ContentGeneration>().FirstOrDefault(e => e.Entity.Id == ContentGeneration.RowId);
        if (tracked is null)
        {
            // Only the new values are written (UPDATE … WHERE "Id" = 1): the row is never read first.
            var generation = new ContentGeneration(0, now);
            tracked = db.Attach(generation);
        }

        tracked.Entity.Advance(now);
        tracked.Property(g => g.Stamp).IsModified = true;
        tracked.Property(g => g.ChangedAt).IsModified = true;
    }

    private static bool ChangesPublicContent(GovInfoDbContext db)
    {
        foreach (var entry in db.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
            {
                continue;
            }

            switch (entry.Entity)
            {
                case Organization:
                case ReportRevision:
                case ArchiveDocument:
                    return true;
                case AnnualReport:
                    var status = entry.Property(nameof(AnnualReport.Status));
                    if ((ReportStatus)status.CurrentValue! == ReportStatus.Published
                        || (entry.State != EntityState.Added && (ReportStatus)status.OriginalValue! == ReportStatus.Published))
                    {
                        return true;
                    }

                    break;
            }
        }

        return false;
    }
}
