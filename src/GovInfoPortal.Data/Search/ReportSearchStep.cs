using GovInfoPortal.Core.Domain;
using GovInfoPortal.Data.Peers;
using GovInfoPortal.Data.Saving;
using Microsoft.EntityFrameworkCore;

namespace GovInfoPortal.Data.Search;

/// <summary>
/// Keeps <see cref="ReportSearchIndex"/> and <see cref="PeerIndex"/> in step with every save through EF: a report added, changed
/// (published, corrected, withdrawn) or deleted, or an organization renamed, is reindexed right after the
/// save, on the same connection and inside the caller's transaction when there is one. A step of every context's
/// <see cref="SavePipeline"/>, so the importer, the seeders and the workflow need not remember it.
/// </summary>
public sealed class ReportSearchStep : SaveStep<ReportSearchStep.Pending>
{
    /// <summary>What one save changed that the indexes follow.</summary>
    public sealed class Pending
    {
        internal List<AnnualReport> Reports { get; } = [];

        internal HashSet<int> RemovedReportIds { get; } = [];

        internal HashSet<int> RenamedOrganizationIds { get; } = [];

        internal bool HasWork => Reports.Count > 0 || RemovedReportIds.Count > 0 || RenamedOrganizationIds.Count > 0;
    }

    protected override Task<Pending?> BeforeSaveAsync(SaveRun save, CancellationToken cancellationToken) =>
        Task.FromResult(Collect(save.Db));

    protected override Task AfterSaveAsync(SaveRun save, Pending state, CancellationToken cancellationToken) =>
        ApplyAsync(save.Db, state, cancellationToken);

    private static Pending? Collect(GovInfoDbContext context)
    {
        var pending = new Pending();
        foreach (var entry in context.ChangeTracker.Entries<AnnualReport>())
        {
            switch (entry.State)
            {
                case EntityState.Added or EntityState.Modified:
                    pending.Reports.Add(entry.Entity);
                    break;
                case EntityState.Deleted:
                    pending.RemovedReportIds.Add(entry.Entity.Id);
                    break;
            }
        }

        foreach (var entry in context.ChangeTracker.Entries<Organization>())
        {
            if (entry.State == EntityState.Modified && entry.Property(o => o.Name).IsModified)
            {
                pending.RenamedOrganizationIds.Add(entry.Entity.Id);
            }
        }

        return pending.HasWork ? pending : null;
    }

    private static async Task ApplyAsync(GovInfoDbContext db, Pending pending, CancellationToken cancellationToken)
    {
        var ids = new HashSet<int>(pending.RemovedReportIds);
        ids.UnionWith(pending.Reports.Select(r => r.Id));
        if (ids.Count > 0)
        {
            // The peer index (narrative.copiedFromPeer) follows the same reports; renames do not concern it.
            await new PeerIndex(db).UpdateAsync(ids, cancellationToken);
        }

        if (pending.RenamedOrganizationIds.Count > 0)
        {
            var renamed = pending.RenamedOrganizationIds.ToList();
            ids.UnionWith(await db.Reports.AsNoTracking().Where(r => renamed.Contains(r.OrganizationId)).Select(r => r.Id).ToListAsync(cancellationToken));
        }

        if (ids.Count > 0)
        {
            await new ReportSearchIndex(db).UpdateAsync(ids, cancellationToken);
        }
    }
}
