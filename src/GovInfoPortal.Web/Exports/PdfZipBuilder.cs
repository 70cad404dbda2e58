using System.IO.Compression;
using GovInfoPortal.Core.Interchange;
using GovInfoPortal.Data;
using GovInfoPortal.Data.Exports;
using GovInfoPortal.Web.Public;
using Microsoft.EntityFrameworkCore;

namespace GovInfoPortal.Web.Exports;

/// <summary>A job's outcome that its requester should read (zh-CN), as opposed to an unexpected error.</summary>
public sealed class ExportFailedException(string message) : Exception(message);

/// <summary>Thrown when the job was claimed by another instance while this one worked on it.</summary>
public sealed class ExportClaimLostException(int jobId) : Exception($"The claim on export job {jobId} was lost.");

/// <summary>
/// Builds the ZIP of a job: the published PDFs of the year in the subtree, one by one, each named as its
/// public download (泉港区2023年政府信息公开工作年度报告.pdf), in tree order. The file is written under a
/// name of its own claim and renamed when complete, so a reader never sees half a ZIP.
/// It streams, so that a national export (hundreds of thousands of reports) holds no more than one batch of
/// reports and the PDF being rendered: reports are read in batches by keyset paging over the tree order
/// (no list of all reports, no query held open while PDFs are rendered), and each PDF is rendered straight
/// into its entry of the ZIP file on disk. What grows with the number of reports is only what the ZIP's
/// central directory needs at the end (each entry's name and offsets) and the set of names taken.
/// </summary>
public sealed class PdfZipBuilder(GovInfoDbContext db, ReportDownloads downloads, ExportStorage storage)
{
    /// <summary>Reports loaded from the database at a time.</summary>
    public const int BatchSize = 20;

    private const string PdfExtension = "pdf";

    /// <param name="progress">Told the reports done and the total, after each one; it may throw to stop the build.</param>
    /// <returns>The file's name in the storage folder and its size.</returns>
    public async Task<(string FileName, long Size)> BuildAsync(ExportClaim claim, Func<int, int, Task> progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claim);
        ArgumentNullException.ThrowIfNull(progress);
        var scopePath = await db.Organizations.AsNoTracking()
            .Where(o => o.Id == claim.ScopeOrganizationId)
            .Select(o => o.Path)
            .FirstOrDefaultAsync(cancellationToken)
            ?? throw new ExportFailedException("导出范围的机关已不存在。");
        var published = db.Reports.AsNoTracking()
            .InSubtree(scopePath)
            .Published().Where(r => r.Year == claim.Year);
        var total = await published.CountAsync(cancellationToken);
        await progress(0, total);

        var fileName = $"export-{claim.JobId}-{claim.Token[..12]}.zip";
        var path = storage.PathOf(fileName);
        var partial = path + ".part";
        Directory.CreateDirectory(storage.Folder);
        try
        {
            await using (var file = new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            {
                await using var zip = new ZipArchive(file, ZipArchiveMode.Create);
                var names = new ZipEntryNames();
                var done = 0;
                await foreach (var report in published.InTreeOrderAsync(BatchSize, cancellationToken))
                {
                    var document = ReportDocument.FromReport(report);
                    var entry = zip.CreateEntry(names.Unique(downloads.FileNameOf(document, PdfExtension), report.Organization), CompressionLevel.Fastest);
                    await using (var stream = await entry.OpenAsync(cancellationToken))
                    {
                        await downloads.WriteAsync(document, PdfExtension, stream, cancellationToken);
                    }

                    // A report published meanwhile (after the count) is taken too if it comes later in tree order.
                    done++;
                    total = Math.Max(total, done);
                    await progress(done, total);
                }

                if (done < total)
                {
                    // Reports unpublished meanwhile (a correction) are no longer in the database's answer: the total is what the ZIP holds.
                    await progress(done, done);
                }
            }

            File.Move(partial, path, overwrite: true);
            return (fileName, new FileInfo(path).Length);
        }
        finally
        {
            File.Delete(partial);
        }
    }
}
