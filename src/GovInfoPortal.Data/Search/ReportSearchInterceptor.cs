using System.Runtime.CompilerServices;
using GovInfoPortal.Core.Domain;
using GovInfoPortal.Data.Peers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace GovInfoPortal.Data.Search;

/// <summary>
/// Keeps <see cref="ReportSearchIndex"/> and <see cref="PeerIndex"/> in step with every save through EF: a report added, changed
/// (published, corrected, withdrawn) or deleted, or an organization renamed, is reindexed right after the
/// save, on the same connection and inside the caller's transaction when there is one. Registered on every
/// context by <see cref="GovInfoDatabase.Configure"/>, so the importer, the seeders and the workflow need
/// not remember it.
/// </summary>
public sealed class ReportSearchInterceptor : SaveChangesInterceptor
{
    public static readonly ReportSearchInterceptor Instance = new();

    private sealed class Pending
    {
        public List<AnnualReport> Reports { get; } = [];

        public HashSet<int> RemovedReportIds { get; } = [];

        public HashSet<int> RenamedOrganizationIds { get; } = [];
    }

    private readonly ConditionalWeakTable<DbContext, Pending> _pending = [];

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        Collect(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Collect(eventData.Context);
        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result,
        CancellationToken cancellationToken = default)
    {
        await ApplyAsync(eventData.Context, cancellationToken);
        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        ApplyAsync(eventData.Context, CancellationToken.None).GetAwaiter().GetResult();
        return result;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Forget(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    private void Forget(DbContext? context)
    {
        if (context is not null)
        {
            _pending.Remove(context);
        }
    }

    private void Collect(DbContext? context)
    {
        if (context is not GovInfoDbContext)
        {
            return;
        }

        var pending = _pending.GetValue(context, _ => new Pending());
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
    }

    private async Task ApplyAsync(DbContext? context, CancellationToken cancellationToken)
    {
        if (context is not GovInfoDbContext db || !_pending.TryGetValue(context, out var pending))
        {
            return;
        }

        _pending.Remove(context);
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
