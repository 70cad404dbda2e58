using GovInfoPortal.Core.Domain;
using GovInfoPortal.Data.Saving;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace GovInfoPortal.Data.Statistics;

/// <summary>
/// Keeps <see cref="OrganizationYearTotal"/> in step with every save through EF, in the same transaction: a report
/// published, a correction's publication, a published report changed, withdrawn or deleted, an import, the demo
/// seed — each adds what changed to its organization's row and every ancestor's; an organization moved under another
/// parent or deleted rolls the ancestors it left and joined up again. Before the save it notes what the published
/// reports were and will be, and asks for the save's transaction (<see cref="SaveRun.UseTransactionAsync"/>) when the
/// caller has none; after it, when ids and paths are known, it writes the rows. A step of every context's <see cref="SavePipeline"/>,
/// so no code path can forget it; bulk loads that bypass EF rebuild the rows
/// (<see cref="OrganizationTotals.RebuildAsync"/>).
/// </summary>
public sealed class OrganizationTotalsStep : SaveStep<OrganizationTotalsStep.Pending>
{
    /// <summary>What one save changes in the totals.</summary>
    public sealed class Pending
    {
        /// <summary>What published reports stood for before the save (to take away), by their organization then.</summary>
        internal List<(int OrganizationId, int Year, SubtreeSums Sums)> Before { get; } = [];

        /// <summary>The published reports after the save (to add), read once ids are known.</summary>
        internal List<(AnnualReport Report, SubtreeSums Sums)> After { get; } = [];

        /// <summary>Paths of moved and deleted organizations before the save: their old ancestors roll up again.</summary>
        internal List<string> LeftPaths { get; } = [];

        internal List<Organization> Moved { get; } = [];

        internal bool HasWork => Before.Count > 0 || After.Count > 0 || LeftPaths.Count > 0;
    }

    protected override async Task<Pending?> BeforeSaveAsync(SaveRun save, CancellationToken cancellationToken)
    {
        var pending = Collect(save.Db);
        if (pending is not null)
        {
            await save.UseTransactionAsync(cancellationToken);
        }

        return pending;
    }

    protected override Task AfterSaveAsync(SaveRun save, Pending state, CancellationToken cancellationToken) =>
        ApplyAsync(save.Db, state, cancellationToken);

    private static Pending? Collect(GovInfoDbContext db)
    {
        var pending = new Pending();
        foreach (var entry in db.ChangeTracker.Entries<AnnualReport>())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
            {
                continue;
            }

            var before = ReportEntries.WasPublished(entry)
                ? (OrganizationId: Original<int>(entry, nameof(AnnualReport.OrganizationId)), Year: Original<int>(entry, nameof(AnnualReport.Year)),
                    Sums: SubtreeSums.OfReport(Original<int>(entry, nameof(AnnualReport.Year)), Original<Core.Formats.ReportFormat>(entry, nameof(AnnualReport.Format)),
                        Original<ReportTable>(entry, nameof(AnnualReport.ActiveDisclosure)), Original<ReportTable>(entry, nameof(AnnualReport.Applications)),
                        Original<ReportTable>(entry, nameof(AnnualReport.ReviewLitigation))))
                : default((int OrganizationId, int Year, SubtreeSums Sums)?);
            var report = entry.Entity;
            var after = ReportEntries.IsPublished(entry)
                ? SubtreeSums.OfReport(report.Year, report.Format, report.ActiveDisclosure, report.Applications, report.ReviewLitigation)
                : null;
            if (before is { } b && after is not null && b.OrganizationId == report.OrganizationId && b.Year == report.Year && b.Sums.SameAs(after))
            {
                // Still published with the same figures (a correction opened, a date changed): nothing to add up.
                continue;
            }

            if (before is { } taken)
            {
                pending.Before.Add(taken);
            }

            if (after is not null)
            {
                pending.After.Add((report, after));
            }
        }

        foreach (var entry in db.ChangeTracker.Entries<Organization>())
        {
            var originalPath = entry.State is EntityState.Modified or EntityState.Deleted ? Original<string>(entry, nameof(Organization.Path)) : "";
            if (originalPath.Length == 0)
            {
                // A new organization (or one getting its first path): it has nothing counted yet.
                continue;
            }

            if (entry.State == EntityState.Deleted)
            {
                pending.LeftPaths.Add(originalPath);
            }
            else if (entry.Property(o => o.ParentId).IsModified && Original<int?>(entry, nameof(Organization.ParentId)) != entry.Entity.ParentId)
            {
                pending.LeftPaths.Add(originalPath);
                pending.Moved.Add(entry.Entity);
            }
        }

        return pending.HasWork ? pending : null;
    }

    private static T Original<T>(EntityEntry entry, string property) => (T)entry.Property(property).OriginalValue!;

    private static async Task ApplyAsync(GovInfoDbContext db, Pending pending, CancellationToken cancellationToken)
    {
        var chains = new OrganizationChains(db);
        var changes = new Dictionary<(int OrganizationId, int Year), SubtreeSums>();
        async Task AddAsync(int organizationId, Organization? organization, int year, SubtreeSums sums, int sign)
        {
            foreach (var id in await chains.FromRootAsync(organizationId, organization, cancellationToken))
            {
                if (!changes.TryGetValue((id, year), out var change))
                {
                    changes[(id, year)] = change = SubtreeSums.Zero();
                }

                change.Add(sums, sign);
            }
        }

        foreach (var (organizationId, year, sums) in pending.Before)
        {
            await AddAsync(organizationId, null, year, sums, -1);
        }

        foreach (var (report, sums) in pending.After)
        {
            await AddAsync(report.OrganizationId, report.Organization, report.Year, sums, 1);
        }

        await OrganizationTotals.ApplyAsync(db, changes, cancellationToken);

        // Moved or deleted: the ancestors it left and those it joined sum their children again.
        var rollUp = new HashSet<int>(pending.LeftPaths.SelectMany(path => OrganizationTotals.Ids(path)[..^1]));
        foreach (var moved in pending.Moved)
        {
            rollUp.UnionWith((await chains.FromRootAsync(moved.Id, moved, cancellationToken)).Where(id => id != moved.Id));
        }

        await OrganizationTotals.RollUpAsync(db, rollUp, cancellationToken);
    }

    /// <summary>
    /// The ids from the root down to an organization after the save: from its path, or for a new one (whose path the
    /// next save writes) from its parents in memory, or from the database.
    /// </summary>
    private sealed class OrganizationChains(GovInfoDbContext db)
    {
        private readonly Dictionary<int, List<int>> _known = [];

        public async Task<List<int>> FromRootAsync(int id, Organization? organization, CancellationToken cancellationToken)
        {
            if (_known.TryGetValue(id, out var known))
            {
                return known;
            }

            organization ??= db.ChangeTracker.Entries<Organization>().FirstOrDefault(e => e.Entity.Id == id)?.Entity;
            List<int> chain;
            if (organization is { Path.Length: > 0 })
            {
                chain = OrganizationTotals.Ids(organization.Path);
            }
            else if (organization is not null)
            {
                chain = organization.Parent is { } parent ? [.. await FromRootAsync(parent.Id, parent, cancellationToken), id]
                    : organization.ParentId is { } parentId ? [.. await FromRootAsync(parentId, null, cancellationToken), id]
                    : [id];
            }
            else
            {
                var stored = await db.Organizations.AsNoTracking().Where(o => o.Id == id).Select(o => new { o.Path, o.ParentId }).FirstOrDefaultAsync(cancellationToken);
                chain = stored is null ? []
                    : stored.Path.Length > 0 ? OrganizationTotals.Ids(stored.Path)
                    : stored.ParentId is { } parentId ? [.. await FromRootAsync(parentId, null, cancellationToken), id]
                    : [id];
            }

            _known[id] = chain;
            return chain;
        }
    }
}
