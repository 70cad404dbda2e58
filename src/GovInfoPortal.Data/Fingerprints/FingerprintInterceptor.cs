using GovInfoPortal.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace GovInfoPortal.Data.Fingerprints;

/// <summary>
/// A report published without its organization loaded gets its fingerprint when the publication is saved: the
/// organization is loaded then and <see cref="AnnualReport.TakeFingerprint"/> takes it, before anything is written.
/// </summary>
public sealed class FingerprintInterceptor : SaveChangesInterceptor
{
    public static readonly FingerprintInterceptor Instance = new();

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        foreach (var entry in Unfingerprinted(eventData.Context))
        {
            entry.Reference(r => r.Organization).Load();
            entry.Entity.TakeFingerprint();
        }

        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        foreach (var entry in Unfingerprinted(eventData.Context))
        {
            await entry.Reference(r => r.Organization).LoadAsync(cancellationToken);
            entry.Entity.TakeFingerprint();
        }

        return result;
    }

    private static List<Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry<AnnualReport>> Unfingerprinted(DbContext? context) =>
        context is null
            ? []
            : [.. context.ChangeTracker.Entries<AnnualReport>()
                .Where(e => e.State is EntityState.Added or EntityState.Modified
                    && e.Entity.Status == ReportStatus.Published && e.Entity.Fingerprint is null)];
}
