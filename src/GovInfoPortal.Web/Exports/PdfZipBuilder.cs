using System.IO.Compression;
using GovInfoPortal.Core.Domain;
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
/// </summary>
public sealed class PdfZipBuilder(GovInfoDbContext db, ReportDownloads downloads, ExportStorage storage)
{
    /// <summary>Reports loaded from the database at a time.</summary>
    private const int BatchSize = 20;

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
        var ids = await db.Reports.AsNoTracking()
            .InSubtree(scopePath)
            .Where(r => r.Year == claim.Year && r.Status == ReportStatus.Published)
            .OrderBy(r => r.Organization.Path)
            .Select(r => r.Id)
            .ToListAsync(cancellationToken);
        await progress(0, ids.Count);

        var fileName = $"export-{claim.JobId}-{claim.Token[..12]}.zip";
        var path = storage.PathOf(fileName);
        var partial = path + ".part";
        Directory.CreateDirectory(storage.Folder);
        try
        {
            await using (var file = new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            {
                await using var zip = new ZipArchive(file, ZipArchiveMode.Create);
                var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
                var done = 0;
                foreach (var batch in ids.Chunk(BatchSize))
                {
                    var reports = await db.Reports.AsNoTracking()
                        .Include(r => r.Organization).ThenInclude(o => o.Parent)
                        .Where(r => batch.Contains(r.Id))
                        .ToDictionaryAsync(r => r.Id, cancellationToken);
                    foreach (var id in batch)
                    {
                        // A report unpublished meanwhile (a correction) is no longer in the database's answer: skip it.
                        if (reports.TryGetValue(id, out var report))
                        {
                            var pdf = await downloads.RenderAsync(report, PdfExtension, cancellationToken);
                            var entry = zip.CreateEntry(UniqueName(pdf.FileName, report.Organization, names), CompressionLevel.Fastest);
                            await using var stream = await entry.OpenAsync(cancellationToken);
                            await stream.WriteAsync(pdf.Content, cancellationToken);
                        }

                        done++;
                        await progress(done, ids.Count);
                    }
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

    /// <summary>The download's name; bodies of the same short name (two 城关镇) get their code or full name added.</summary>
    private static string UniqueName(string fileName, Organization organization, HashSet<string> taken)
    {
        var name = fileName;
        var stem = Path.GetFileNameWithoutExtension(fileName);
        var extension = Path.GetExtension(fileName);
        if (!taken.Contains(name))
        {
            taken.Add(name);
            return name;
        }

        name = $"{stem}（{organization.Code ?? organization.Name}）{extension}";
        for (var n = 2; !taken.Add(name); n++)
        {
            name = $"{stem}（{organization.Code ?? organization.Name}，{n}）{extension}";
        }

        return name;
    }
}
