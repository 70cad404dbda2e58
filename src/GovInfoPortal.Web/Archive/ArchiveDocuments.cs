using System.Security.Cryptography;
using GovInfoPortal.Core.Domain;
using GovInfoPortal.Core.Formats;
using GovInfoPortal.Core.Interchange;
using GovInfoPortal.Data;
using GovInfoPortal.Data.Archive;
using GovInfoPortal.Documents;
using GovInfoPortal.Web.Admin;
using GovInfoPortal.Web.Public;
using Microsoft.EntityFrameworkCore;

namespace GovInfoPortal.Web.Archive;

/// <summary>A legacy archive report as the admin's list shows it, with its uploaded original if any.</summary>
public sealed record ArchiveEntry(int ReportId, string OrganizationName, string? OrganizationCode, int OrganizationId, int Year,
    ReportStatus Status, string? DocumentName, ArchiveDocumentInfo? Original)
{
    public string OrganizationKey => ReportLinks.KeyOf(OrganizationCode, OrganizationId);
}

/// <summary>An uploaded original without its bytes.</summary>
public sealed record ArchiveDocumentInfo(string FileName, long Length, string Sha256, string UploadedBy, DateTime UploadedAt)
{
    public string SizeText => ArchivePdf.SizeText(Length);
}

/// <summary>
/// The original PDFs of legacy (≤ 2018) archive reports: the admin uploads one per report (checked by
/// <see cref="ArchivePdf"/>), readers of the published report download it. Stored in the database, so every
/// instance of the portal serves the same file.
/// </summary>
public sealed class ArchiveDocuments(GovInfoDbContext db, TimeProvider clock)
{
    public const int PageSize = 50;

    /// <summary>The form field an upload refusal is about.</summary>
    public const string DocumentField = "Document";

    /// <summary>Legacy reports, newest year first, optionally of one year, one page at a time.</summary>
    public async Task<(IReadOnlyList<ArchiveEntry> Entries, int Total)> ListAsync(int? year, int page, CancellationToken cancellationToken = default)
    {
        var reports = db.Reports.AsNoTracking().Where(r => r.Format == ReportFormat.Legacy);
        if (year is { } y)
        {
            reports = reports.Where(r => r.Year == y);
        }

        var total = await reports.CountAsync(cancellationToken);
        var entries = await Entries(reports.OrderByDescending(r => r.Year).ThenBy(r => r.Organization.Name).ThenBy(r => r.Id)
                .Skip((Math.Max(page, 1) - 1) * PageSize).Take(PageSize))
            .ToListAsync(cancellationToken);
        return (entries, total);
    }

    /// <summary>One legacy report with its original, or null when there is no such legacy report.</summary>
    public Task<ArchiveEntry?> FindAsync(int reportId, CancellationToken cancellationToken = default) =>
        Entries(db.Reports.AsNoTracking().Where(r => r.Id == reportId && r.Format == ReportFormat.Legacy))
            .FirstOrDefaultAsync(cancellationToken);

    /// <summary>The original of a report without its bytes, or null.</summary>
    public Task<ArchiveDocumentInfo?> InfoAsync(int reportId, CancellationToken cancellationToken = default) =>
        db.ArchiveDocuments.AsNoTracking().Where(d => d.ReportId == reportId)
            .Select(d => new ArchiveDocumentInfo(d.FileName, d.Length, d.Sha256, d.UploadedBy, d.UploadedAt))
            .FirstOrDefaultAsync(cancellationToken);

    /// <summary>
    /// Stores <paramref name="content"/> as the original of the legacy report, replacing an earlier one, when it
    /// is a real PDF within the size limit; otherwise nothing changes and the result says why (field <see cref="DocumentField"/>).
    /// </summary>
    public async Task<AdminResult> UploadAsync(int reportId, string? fileName, byte[] content, string uploadedBy, CancellationToken cancellationToken = default)
    {
        if (!await db.Reports.AnyAsync(r => r.Id == reportId && r.Format == ReportFormat.Legacy, cancellationToken))
        {
            return AdminResult.Failed(null, "只能为 2018 年及以前年度的存档报告上传原件，没有找到这份存档报告。");
        }

        if (ArchivePdf.Refusal(content) is { } refusal)
        {
            return AdminResult.Failed(DocumentField, refusal);
        }

        var name = SafeFileName(fileName);
        var hash = Convert.ToHexStringLower(SHA256.HashData(content));
        var now = clock.GetUtcNow().UtcDateTime;
        var existing = await db.ArchiveDocuments.FirstOrDefaultAsync(d => d.ReportId == reportId, cancellationToken);
        if (existing is null)
        {
            db.ArchiveDocuments.Add(new ArchiveDocument(reportId, name, content, hash, uploadedBy, now));
        }
        else
        {
            existing.Replace(name, content, hash, uploadedBy, now);
        }

        await db.SaveChangesAsync(cancellationToken);
        return AdminResult.Success;
    }

    /// <summary>The original of a published legacy report as a download, or null when there is none.</summary>
    public async Task<(ReportFile File, string Sha256)?> DownloadAsync(AnnualReport report, CancellationToken cancellationToken = default)
    {
        if (report.Format != ReportFormat.Legacy || report.Status != ReportStatus.Published)
        {
            return null;
        }

        var document = await db.ArchiveDocuments.AsNoTracking().FirstOrDefaultAsync(d => d.ReportId == report.Id, cancellationToken);
        if (document is null)
        {
            return null;
        }

        var title = ReportFileNames.Title(ReportDocument.FromReport(report));
        var ascii = $"{ReportDownloads.AsciiKey(ReportLinks.KeyOf(report.Organization))}-{report.Year}-archived-original.pdf";
        return (new ReportFile(document.Content, "application/pdf", $"{title}（存档原件）.pdf", ascii), document.Sha256);
    }

    /// <summary>The uploaded name without folders or control characters, within the column's length, ending in .pdf.</summary>
    public static string SafeFileName(string? fileName)
    {
        var name = Path.GetFileName((fileName ?? string.Empty).Replace('\\', '/'));
        name = new string([.. name.Where(c => !char.IsControl(c))]).Trim();
        if (!name.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase))
        {
            name += ".pdf";
        }

        if (name.Length > ArchiveDocument.FileNameMaxLength)
        {
            name = name[..(ArchiveDocument.FileNameMaxLength - 4)] + ".pdf";
        }

        return name.Length > 4 ? name : "存档原件.pdf";
    }

    private IQueryable<ArchiveEntry> Entries(IQueryable<AnnualReport> reports) =>
        reports.Select(r => new ArchiveEntry(r.Id, r.Organization.Name, r.Organization.Code, r.OrganizationId, r.Year, r.Status, r.LegacyDocument,
            db.ArchiveDocuments.Where(d => d.ReportId == r.Id)
                .Select(d => new ArchiveDocumentInfo(d.FileName, d.Length, d.Sha256, d.UploadedBy, d.UploadedAt))
                .FirstOrDefault()));
}
