using System.IO.Compression;
using System.Text;
using GovInfoPortal.Core.Domain;
using GovInfoPortal.Core.Interchange;
using GovInfoPortal.Data.Exports;
using GovInfoPortal.Data.Seeding;
using GovInfoPortal.Documents;
using GovInfoPortal.Documents.Pdf;
using GovInfoPortal.Testing;
using GovInfoPortal.Web.Exports;
using GovInfoPortal.Web.Public;
using Microsoft.EntityFrameworkCore;
using PdfSharp.Pdf.IO;

namespace GovInfoPortal.Web.Tests.Review;

/// <summary>
/// The year's ZIP over a few hundred reports (more than a dozen batches): every published report of the subtree
/// once, in tree order, under its download name, each rendered straight into its entry with no earlier report's
/// document still held.
/// </summary>
public sealed class PdfZipBuilderTests(DatabaseFixture databases) : IClassFixture<DatabaseFixture>
{
    private const int Organizations = 300;
    private const int Year = 2022;

    /// <summary>
    /// Stands in for the PDF renderer: writes a small document naming the report, and notes whether the reports
    /// rendered before are still reachable (weak references, after a full collection) and where it writes.
    /// </summary>
    private sealed class ObservingRenderer : IReportRenderer
    {
        private readonly List<WeakReference<ReportDocument>> _seen = [];

        public string Extension => "pdf";

        public string ContentType => PdfRenderer.MediaType;

        public int MostEarlierDocumentsAlive { get; private set; }

        public List<Type> Outputs { get; } = [];

        public async Task RenderAsync(ReportDocument report, Stream output, CancellationToken cancellationToken = default)
        {
            if (_seen.Count % 25 == 0)
            {
                GC.Collect();
                GC.WaitForPendingFinalizers();
                GC.Collect();
                MostEarlierDocumentsAlive = Math.Max(MostEarlierDocumentsAlive, _seen.Count(r => r.TryGetTarget(out _)));
            }

            _seen.Add(new WeakReference<ReportDocument>(report));
            Outputs.Add(output.GetType());
            await output.WriteAsync(Encoding.UTF8.GetBytes($"%PDF-stand-in {report.Organization.Code} {report.Year}"), cancellationToken);
        }
    }

    private static async Task<(TestDatabase Database, int Root)> SeedAsync(DatabaseFixture databases, TestProvider provider)
    {
        var database = await databases.CreateAsync(provider);
        await using var db = database.CreateContext();
        await new SyntheticDataSeeder(db).SeedAsync(new SyntheticSeedOptions { Organizations = Organizations, FirstYear = Year, LastYear = Year + 1 });
        var root = await db.Organizations.Where(o => o.ParentId == null).Select(o => o.Id).SingleAsync();
        return (database, root);
    }

    private static ExportClaim Claim(int root) => new(1, Guid.NewGuid().ToString("N"), root, Year, 1);

    [Theory]
    [SqliteData]
    [PostgresData]
    public async Task A_zip_of_hundreds_of_reports_holds_each_once_in_tree_order_rendered_straight_into_its_entry(TestProvider provider)
    {
        var (database, root) = await SeedAsync(databases, provider);
        var folder = Path.Combine(Path.GetTempPath(), "govinfo-zip-tests", Guid.NewGuid().ToString("N"));
        var renderer = new ObservingRenderer();
        var progress = new List<(int Done, int Total)>();
        try
        {
            await using var db = database.CreateContext();
            var builder = new PdfZipBuilder(db, new ReportDownloads([renderer]), new ExportStorage(folder));
            var (fileName, size) = await builder.BuildAsync(Claim(root), (done, total) =>
            {
                progress.Add((done, total));
                return Task.CompletedTask;
            }, CancellationToken.None);

            var expected = await db.Reports.AsNoTracking()
                .Where(r => r.Year == Year && r.Status == ReportStatus.Published)
                .OrderBy(r => r.Organization.Path)
                .Select(r => r.Organization.Code)
                .ToListAsync();
            Assert.True(expected.Count >= Organizations, $"{expected.Count} published reports");
            Assert.True(expected.Count > 10 * PdfZipBuilder.BatchSize);

            var path = Path.Combine(folder, fileName);
            Assert.Equal(new FileInfo(path).Length, size);
            using var zip = ZipFile.OpenRead(path);
            var contents = zip.Entries.Select(e =>
            {
                using var reader = new StreamReader(e.Open());
                return reader.ReadToEnd();
            }).ToList();
            Assert.Equal(expected.Select(code => $"%PDF-stand-in {code} {Year}"), contents);
            Assert.Equal(zip.Entries.Count, zip.Entries.Select(e => e.FullName).Distinct().Count());
            Assert.All(zip.Entries, e => Assert.EndsWith($"{Year}年政府信息公开工作年度报告.pdf", e.FullName, StringComparison.Ordinal));
            Assert.Equal(Enumerable.Range(0, expected.Count + 1).Select(n => (n, expected.Count)), progress);

            // Each document went straight into its entry of the ZIP on disk, not into a buffer of its own,
            // and none of the reports rendered before was still held when the next one was rendered.
            Assert.All(renderer.Outputs, type => Assert.False(typeof(MemoryStream).IsAssignableFrom(type), type.FullName));
            Assert.Equal(0, renderer.MostEarlierDocumentsAlive);
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    [Theory]
    [SqliteData]
    public async Task The_real_pdfs_written_straight_into_the_zip_open_as_pdfs(TestProvider provider)
    {
        var database = await databases.CreateAsync(provider);
        await using var db = database.CreateContext();
        // A later year too: the last year of a synthetic tree is partly unpublished, every earlier one is published.
        await new SyntheticDataSeeder(db).SeedAsync(new SyntheticSeedOptions { Organizations = 3, FirstYear = Year, LastYear = Year + 1 });
        // A body without others under it whose report of the year is published: the ZIP holds exactly its PDF.
        var district = await db.Reports
            .Where(r => r.Year == Year && r.Status == ReportStatus.Published && !db.Organizations.Any(o => o.ParentId == r.OrganizationId))
            .OrderByDescending(r => r.Organization.Path).Select(r => r.OrganizationId).FirstAsync();
        var folder = Path.Combine(Path.GetTempPath(), "govinfo-zip-tests", Guid.NewGuid().ToString("N"));
        try
        {
            var builder = new PdfZipBuilder(db, new ReportDownloads([new PdfRenderer()]), new ExportStorage(folder));
            var (fileName, _) = await builder.BuildAsync(Claim(district), (_, _) => Task.CompletedTask, CancellationToken.None);

            using var zip = ZipFile.OpenRead(Path.Combine(folder, fileName));
            var entry = Assert.Single(zip.Entries);
            using var copy = new MemoryStream();
            await using (var stream = entry.Open())
            {
                await stream.CopyToAsync(copy);
            }

            copy.Position = 0;
            using var pdf = PdfReader.Open(copy, PdfDocumentOpenMode.Import);
            Assert.True(pdf.PageCount >= 1);
            Assert.EndsWith($"{Year}年政府信息公开工作年度报告", pdf.Info.Title, StringComparison.Ordinal);
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }
}
