using GovInfoPortal.Core.Domain;
using GovInfoPortal.Data.Saving;
using Microsoft.EntityFrameworkCore;

namespace GovInfoPortal.Data.Fingerprints;

/// <summary>
/// A report published without its organization loaded gets its fingerprint when the publication is saved: the
/// organization is loaded then and <see cref="AnnualReport.TakeFingerprint"/> takes it, before anything is written.
/// The first step of <see cref="SavePipeline.ForPortal"/>; it has nothing to do after the save.
/// </summary>
public sealed class FingerprintStep : ISaveStep
{
    /// <summary>Takes the missing fingerprints; keeps no state, so the pipeline calls nothing else of this step.</summary>
    public async Task<object?> BeforeSaveAsync(SaveRun save, CancellationToken cancellationToken)
    {
        foreach (var entry in Unfingerprinted(save.Db))
        {
            await entry.Reference(r => r.Organization).LoadAsync(cancellationToken);
            entry.Entity.TakeFingerprint();
        }

        return null;
    }

    public Task AfterSaveAsync(SaveRun save, object state, CancellationToken cancellationToken) => Task.CompletedTask;

    private static List<Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry<AnnualReport>> Unfingerprinted(DbContext context) =>
        [.. context.ChangeTracker.Entries<AnnualReport>()
            .Where(e => e.State is EntityState.Added or EntityState.Modified
                && e.Entity.Status == ReportStatus.Published && e.Entity.Fingerprint is null)];
}
