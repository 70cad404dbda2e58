using System.IO.Compression;
using GovInfoPortal.Core.Domain;
using GovInfoPortal.Core.Formats;
using GovInfoPortal.Core.Interchange;
using GovInfoPortal.Data;
using GovInfoPortal.Documents;
using GovInfoPortal.Web.Exports;
using Microsoft.EntityFrameworkCore;

namespace GovInfoPortal.Web.Datasets;

/// <summary>What a build wrote: how many reports, and the files of the ZIP and of the CSV alone.</summary>
public sealed record DatasetBuild(int Reports, int CsvRows);

/// <summary>
/// Writes a dataset in one pass over its reports, read in keyset batches in tree order (<see cref="ReportBatches"/>,
/// as the PDF exports read them): each report's interchange JSON straight into its entry of the ZIP on disk, its row
/// into the CSV of its format, a temporary file (one per format met; normally the year's only). At the end the CSVs
/// are copied into the ZIP, and the CSV of the year's format is kept as the CSV alone. Memory holds one batch, the
/// ZIP's directory and the names of the ancestors met — never the set.
/// </summary>
public sealed class DatasetBuilder(GovInfoDbContext db)
{
    /// <summary>Reports loaded from the database at a time.</summary>
    public const int BatchSize = 100;

    /// <summary>The name of a format's CSV inside the ZIP.</summary>
    public static string CsvEntryName(ReportFormat format) => $"figures-{format.Code()}.csv";

    public async Task<DatasetBuild> BuildAsync(DatasetScope scope, string zipPath, string csvPath, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var reports = db.Reports.AsNoTracking().Published().Where(r => r.Year == scope.Year);
        if (scope.Root is { } root)
        {
            reports = reports.InSubtree(root.Path);
        }

        var yearFormat = ReportFormats.ForYear(scope.Year);
        var csvs = new Dictionary<ReportFormat, (string Path, FileStream File, FiguresCsv Csv)>();
        var count = 0;
        try
        {
            await using (var file = new FileStream(zipPath, FileMode.Create, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            {
                await using var zip = new ZipArchive(file, ZipArchiveMode.Create);
                var names = new ZipEntryNames();
                var paths = new OrganizationPaths(db);
                // Entries carry the publication date instead of the time of the build: a rebuild of the same reports (after
                // an eviction, on another instance) gives the same bytes, so the same size and fingerprint.
                var latest = EntryTime(null);
                await foreach (var report in reports.InTreeOrderAsync(BatchSize, cancellationToken))
                {
                    var document = ReportDocument.FromReport(report);
                    var entry = zip.CreateEntry(names.Unique(ReportFileNames.For(document, "json"), report.Organization), CompressionLevel.Optimal);
                    entry.LastWriteTime = EntryTime(report.PublishedOn);
                    latest = entry.LastWriteTime > latest ? entry.LastWriteTime : latest;
                    await using (var stream = await entry.OpenAsync(cancellationToken))
                    {
                        ReportDocumentWriter.Write(stream, document);
                    }

                    CsvOf(document.Format).Write(document, await paths.OfAsync(report.Organization, cancellationToken), report.RevisionNumber);
                    count++;
                }

                CsvOf(yearFormat);
                foreach (var (format, csv) in csvs.OrderBy(c => c.Key != yearFormat).ThenBy(c => c.Key))
                {
                    csv.Csv.Flush();
                    csv.File.Position = 0;
                    var entry = zip.CreateEntry(CsvEntryName(format), CompressionLevel.Optimal);
                    entry.LastWriteTime = latest;
                    await using var stream = await entry.OpenAsync(cancellationToken);
                    await csv.File.CopyToAsync(stream, cancellationToken);
                }
            }

            var own = csvs[yearFormat];
            csvs.Remove(yearFormat);
            own.Csv.Dispose();
            await own.File.DisposeAsync();
            File.Move(own.Path, csvPath, overwrite: true);
            return new DatasetBuild(count, own.Csv.Rows);
        }
        finally
        {
            foreach (var (path, file, csv) in csvs.Values)
            {
                csv.Dispose();
                await file.DisposeAsync();
                File.Delete(path);
            }
        }

        FiguresCsv CsvOf(ReportFormat format)
        {
            if (!csvs.TryGetValue(format, out var csv))
            {
                var path = $"{csvPath}.{format.Code()}.part";
                var file = new FileStream(path, FileMode.Create, FileAccess.ReadWrite, FileShare.None, 81920);
                csv = (path, file, new FiguresCsv(file, format));
                csvs[format] = csv;
            }

            return csv.Csv;
        }
    }

    /// <summary>The names of a body's ancestors and its own, from the top of the tree down; each ancestor read once per build.</summary>
    private sealed class OrganizationPaths(GovInfoDbContext db)
    {
        private readonly Dictionary<int, string> _names = [];

        public async Task<IReadOnlyList<string>> OfAsync(Organization organization, CancellationToken cancellationToken)
        {
            _names[organization.Id] = organization.Name;
            if (organization.Parent is { } parent)
            {
                _names[parent.Id] = parent.Name;
            }

            var ids = organization.Path.Split(Organization.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
                .Select(id => int.Parse(id, System.Globalization.CultureInfo.InvariantCulture)).ToList();
            var missing = ids.Where(id => !_names.ContainsKey(id)).ToList();
            if (missing.Count > 0)
            {
                foreach (var found in await db.Organizations.AsNoTracking().Where(o => missing.Contains(o.Id))
                    .Select(o => new { o.Id, o.Name }).ToListAsync(cancellationToken))
                {
                    _names[found.Id] = found.Name;
                }
            }

            return [.. ids.Where(_names.ContainsKey).Select(id => _names[id])];
        }
    }

    /// <summary>A ZIP entry's time: the day a report was published (the earliest time ZIP can hold when unknown).</summary>
    private static DateTimeOffset EntryTime(DateOnly? publishedOn) =>
        new((publishedOn ?? new DateOnly(1980, 1, 1)).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
}
