using GovInfoPortal.Core.Domain;
using GovInfoPortal.Core.Interchange;
using Microsoft.EntityFrameworkCore;

namespace GovInfoPortal.Data.Fingerprints;

/// <summary>
/// The published versions by their content fingerprint (<see cref="ReportFingerprint"/>): the current version of
/// each published report and every version a correction replaced, each with the fingerprint it was published with.
/// </summary>
public static class PublishedVersions
{
    private const int BatchSize = 200;

    /// <summary>The published version with this fingerprint, or null: the current one first, then the replaced ones.</summary>
    public static async Task<PublishedVersion?> FindAsync(GovInfoDbContext db, string fingerprint, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (!ReportFingerprint.IsWellFormed(fingerprint))
        {
            return null;
        }

        var current = await db.Reports.AsNoTracking().Published()
            .Include(r => r.Organization).ThenInclude(o => o.Parent)
            .Where(r => r.Fingerprint == fingerprint)
            .OrderBy(r => r.Id)
            .FirstOrDefaultAsync(cancellationToken);
        if (current is not null)
        {
            return new PublishedVersion(current.Organization.Name, current.Organization.Code, current.OrganizationId, current.Year,
                current.RevisionNumber, Current: true, current.PublishedOn, fingerprint, ReportDocument.FromReport(current));
        }

        var earlier = await db.ReportRevisions.AsNoTracking()
            .Where(v => v.Fingerprint == fingerprint)
            .Join(db.Reports.AsNoTracking().Published(), v => v.ReportId, r => r.Id, (v, r) => new
            {
                Revision = v, r.Year, r.OrganizationId, r.Organization.Name, r.Organization.Code,
            })
            .OrderBy(v => v.Revision.Id)
            .FirstOrDefaultAsync(cancellationToken);
        return earlier is null
            ? null
            : new PublishedVersion(earlier.Name, earlier.Code, earlier.OrganizationId, earlier.Year, earlier.Revision.Number,
                Current: false, earlier.Revision.PublishedOn, fingerprint, earlier.Revision.Document());
    }

    /// <summary>
    /// Takes the fingerprint of every published version stored before fingerprints were (at migration): a published
    /// report's over its content as it stands, a replaced version's over the content it keeps. A few indexed reads
    /// when there is nothing to do.
    /// </summary>
    public static async Task EnsureFingerprintsAsync(GovInfoDbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        // Keyset batches (after the last id seen): a batch that looked for the empty ones from the start again would walk
        // past every report already taken, quadratic at a national scale.
        var afterReport = 0;
        while (true)
        {
            var reports = await db.Reports.AsNoTracking().Published()
                .Where(r => r.Fingerprint == null && r.Id > afterReport)
                .Include(r => r.Organization)
                .OrderBy(r => r.Id)
                .Take(BatchSize)
                .ToListAsync(cancellationToken);
            if (reports.Count == 0)
            {
                break;
            }

            afterReport = reports[^1].Id;
            // One commit per batch, not per report.
            await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
            foreach (var report in reports)
            {
                var fingerprint = ReportFingerprint.Of(ReportDocument.FromReport(report));
                // A direct update: taking a fingerprint changes no content, so no audit record, change log or totals.
                await db.Reports.Where(r => r.Id == report.Id)
                    .ExecuteUpdateAsync(s => s.SetProperty(r => r.Fingerprint, fingerprint), cancellationToken);
            }

            if (transaction is not null)
            {
                await transaction.CommitAsync(cancellationToken);
            }
        }

        var afterRevision = 0;
        while (true)
        {
            var revisions = await db.ReportRevisions.AsNoTracking()
                .Where(v => v.Fingerprint == null && v.Id > afterRevision)
                .OrderBy(v => v.Id)
                .Take(BatchSize)
                .ToListAsync(cancellationToken);
            if (revisions.Count == 0)
            {
                break;
            }

            afterRevision = revisions[^1].Id;
            await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
            foreach (var revision in revisions)
            {
                // A revision never changes (AuditRecordGuard refuses updates of it): this fills in the one column written
                // after it, only where it is still empty, by plain SQL; the content it keeps is not touched.
                await RawSql.ExecuteAsync(db,
                    $"UPDATE {RawSql.Table<ReportRevision>(db)} SET {RawSql.Quote(nameof(ReportRevision.Fingerprint))} = @fingerprint " +
                    $"WHERE {RawSql.Quote(nameof(ReportRevision.Id))} = @id AND {RawSql.Quote(nameof(ReportRevision.Fingerprint))} IS NULL",
                    [("@fingerprint", ReportFingerprint.Of(revision.Document())), ("@id", revision.Id)], cancellationToken);
            }

            if (transaction is not null)
            {
                await transaction.CommitAsync(cancellationToken);
            }
        }
    }
}
