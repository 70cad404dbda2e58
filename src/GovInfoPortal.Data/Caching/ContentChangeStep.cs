using GovInfoPortal.Core.Domain;
using GovInfoPortal.Data.Archive;
using GovInfoPortal.Data.Saving;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace GovInfoPortal.Data.Caching;

/// <summary>
/// Writes a <see cref="ContentChangeRecord"/> in the same save (and so the same transaction) as any change the public
/// pages show: a report that is or was published added, changed or deleted (publication, a correction's
/// publication, an import), a published version archived, an archived original uploaded (each tagged with the
/// report, its organization and ancestors for its year and the public lists), an organization added, changed or
/// deleted (<see cref="ContentTags.Everything"/>: names and the tree show on every page). Drafts and reviews write
/// nothing, so the cached public pages survive the daily work of clerks and reviewers. After the save, on
/// PostgreSQL, the instances following the log are woken (<see cref="ContentChanges.NotifyAsync"/>) and the host's
/// <see cref="IContentChangeObserver"/> is told. A step of every context's <see cref="SavePipeline"/>.
/// </summary>
public sealed class ContentChangeStep : SaveStep<ContentChangeRecord>
{
    /// <summary>More reports than this in one save (a large import) are written as <see cref="ContentTags.Everything"/>.</summary>
    public const int MaxReportsPerChange = 50;

    /// <summary>The change this save writes (its state), or null when it changes nothing the public pages show.</summary>
    protected override Task<ContentChangeRecord?> BeforeSaveAsync(SaveRun save, CancellationToken cancellationToken) =>
        RecordAsync(save.Db, cancellationToken);

    /// <summary>The change is saved: it is announced.</summary>
    protected override async Task AfterSaveAsync(SaveRun save, ContentChangeRecord state, CancellationToken cancellationToken)
    {
        await ContentChanges.NotifyAsync(save.Db, cancellationToken);
        Observe(save.Db, state);
    }

    /// <summary>Tells the host's <see cref="IContentChangeObserver"/> (if any) of the change just saved.</summary>
    private static void Observe(GovInfoDbContext db, ContentChangeRecord written)
    {
        var services = db.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.ApplicationServiceProvider;
        if (services?.GetService(typeof(IContentChangeObserver)) is IContentChangeObserver observer)
        {
            observer.Written(written.TagList);
        }
    }

    private static async Task<ContentChangeRecord?> RecordAsync(GovInfoDbContext db, CancellationToken cancellationToken)
    {
        // A change added by the caller (ContentChanges.RecordAsync), or by a first try of this save that failed, is
        // written once and announced.
        if (db.ChangeTracker.Entries<ContentChangeRecord>().FirstOrDefault(e => e.State == EntityState.Added) is { } added)
        {
            return added.Entity;
        }

        var changed = Changed(db);
        if (changed is null)
        {
            return null;
        }

        var tags = changed.Everything || changed.ReportIds.Count + changed.Reports.Count > MaxReportsPerChange
            ? [ContentTags.Everything]
            : await ReportTagsAsync(db, changed, cancellationToken);
        var record = new ContentChangeRecord(tags, DateTime.UtcNow);
        db.ContentChanges.Add(record);
        return record;
    }

    private sealed class ChangedContent
    {
        public bool Everything { get; set; }

        /// <summary>Reports named by organization and year.</summary>
        public HashSet<(int OrganizationId, int Year)> Reports { get; } = [];

        /// <summary>Reports named by id only (versions, archived originals).</summary>
        public HashSet<int> ReportIds { get; } = [];
    }

    private static ChangedContent? Changed(GovInfoDbContext db)
    {
        ChangedContent? changed = null;
        foreach (var entry in db.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
            {
                continue;
            }

            switch (entry.Entity)
            {
                case Organization:
                    (changed ??= new()).Everything = true;
                    break;
                case ReportRevision:
                case ArchiveDocument:
                    (changed ??= new()).ReportIds.Add(Value<int>(entry, nameof(ReportRevision.ReportId)));
                    break;
                case AnnualReport when ReportEntries.IsOrWasPublished(entry):
                    changed ??= new();
                    changed.Reports.Add((Value<int>(entry, nameof(AnnualReport.OrganizationId)), Value<int>(entry, nameof(AnnualReport.Year))));
                    if (entry.State == EntityState.Modified)
                    {
                        // A report moved to another organization or year changes the old place too.
                        changed.Reports.Add(((int)entry.Property(nameof(AnnualReport.OrganizationId)).OriginalValue!,
                            (int)entry.Property(nameof(AnnualReport.Year)).OriginalValue!));
                    }

                    break;
            }
        }

        return changed;
    }

    private static T Value<T>(EntityEntry entry, string property) =>
        (T)(entry.State == EntityState.Deleted ? entry.Property(property).OriginalValue : entry.Property(property).CurrentValue)!;

    private static async Task<IEnumerable<string>> ReportTagsAsync(GovInfoDbContext db, ChangedContent changed, CancellationToken cancellationToken)
    {
        var reports = changed.Reports.ToHashSet();
        if (changed.ReportIds.Count > 0)
        {
            var ids = changed.ReportIds.ToList();
            foreach (var report in await db.Reports.AsNoTracking().Where(r => ids.Contains(r.Id))
                         .Select(r => new { r.OrganizationId, r.Year }).ToListAsync(cancellationToken))
            {
                reports.Add((report.OrganizationId, report.Year));
            }
        }

        // Every organization named and those above them, read in one query from their paths (/1/5/23/).
        var organizationIds = reports.Select(r => r.OrganizationId).Distinct().ToList();
        var paths = await db.Organizations.AsNoTracking().Where(o => organizationIds.Contains(o.Id))
            .Select(o => new { o.Id, o.Path }).ToDictionaryAsync(o => o.Id, o => o.Path, cancellationToken);
        var ancestorIds = paths.Values.SelectMany(AncestorIds).Concat(organizationIds).Distinct().ToList();
        var keys = (await db.Organizations.AsNoTracking().Where(o => ancestorIds.Contains(o.Id))
                .Select(o => new { o.Id, o.Code }).ToListAsync(cancellationToken))
            .ToDictionary(o => o.Id, o => KeysOf(o.Code, o.Id));

        var tags = new List<string>();
        foreach (var (organizationId, year) in reports)
        {
            var own = keys.GetValueOrDefault(organizationId) ?? KeysOf(null, organizationId);
            var ancestors = paths.TryGetValue(organizationId, out var path)
                ? AncestorIds(path).Where(id => id != organizationId).SelectMany(id => keys.GetValueOrDefault(id) ?? [])
                : [];
            tags.AddRange(ContentTags.OfReport(own, ancestors, year));
        }

        return tags;
    }

    /// <summary>An organization is addressed by its code and by its id key (<c>org-17</c>): both are tagged.</summary>
    private static string[] KeysOf(string? code, int id) =>
        code is { Length: > 0 } ? [ContentTags.KeyOf(code, id), ContentTags.KeyOf(null, id)] : [ContentTags.KeyOf(null, id)];

    private static IEnumerable<int> AncestorIds(string path) =>
        path.Split(Organization.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(part => int.TryParse(part, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id) ? id : 0)
            .Where(id => id > 0);
}
