using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using GovInfoPortal.Core.Formats;
using GovInfoPortal.Core.Interchange;
using GovInfoPortal.Core.Domain;
using GovInfoPortal.Documents;
using GovInfoPortal.Testing;
using GovInfoPortal.Web.Datasets;
using GovInfoPortal.Web.Public;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static GovInfoPortal.Web.Tests.Caching.CachedPortals;

namespace GovInfoPortal.Web.Tests.Public;

/// <summary>
/// The bulk datasets on the demo data plus three published 2023 reports under 晋江市 (<see cref="IndicatorPortals"/>):
/// 2023 holds 泉港区 and the three streets; the draft and the approved report are never in a dataset.
/// </summary>
public sealed class DatasetsTests(IndicatorPortals portals) : IClassFixture<IndicatorPortals>
{
    private static readonly string[] Streets2023 = [IndicatorPortals.Jia, IndicatorPortals.Yi, IndicatorPortals.Bing];

    private async Task<HttpClient> ClientAsync(TestProvider provider) => (await portals.GetAsync(provider)).CreateClient();

    /// <summary>The columns a format's CSV must have, written out from the definition here rather than taken from the writer.</summary>
    private static List<string> ExpectedHeader(ReportFormat format)
    {
        var header = new List<string> { "organizationCode", "organizationName", "organizationPath", "year", "format", "version", "publishedOn" };
        foreach (var table in FormatDefinition.For(format).Tables)
        {
            foreach (var row in table.Rows)
            {
                header.AddRange(row.Columns.Select(column => $"{table.Code}|{row.Code}|{column.Code}"));
            }
        }

        return header;
    }

    [Theory, SqliteData, PostgresData]
    public async Task The_csv_columns_are_the_cell_codes_of_the_years_format_in_definition_order(TestProvider provider)
    {
        var client = await ClientAsync(provider);
        foreach (var (year, format) in new[] { (2023, ReportFormat.Format2021), (2020, ReportFormat.Format2019), (2018, ReportFormat.Legacy) })
        {
            using var response = await client.GetAsync($"/datasets/{year}.csv");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
            var bytes = await response.Content.ReadAsByteArrayAsync();
            Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
            var lines = CsvLines(bytes);
            Assert.Equal(ExpectedHeader(format), lines[0]);
            Assert.Equal(FiguresCsv.Header(format), lines[0]);
            Assert.All(lines.Skip(1), line => Assert.Equal(lines[0].Count, line.Count));
        }

        // A row holds the report's own figures, under the column of each cell.
        var csv = CsvLines(await client.GetByteArrayAsync("/datasets/2023.csv"));
        var header = csv[0];
        var quangang = Assert.Single(csv, line => line[0] == "350505");
        Assert.Equal("泉州市/泉州市泉港区人民政府", quangang[header.IndexOf("organizationPath")]);
        Assert.Equal(["2023", "2021", "1"], [quangang[header.IndexOf("year")], quangang[header.IndexOf("format")], quangang[header.IndexOf("version")]]);
        var report = await ReportAsync(provider, "350505", 2023);
        foreach (var cell in FormatDefinition.For(ReportFormat.Format2021).Tables.SelectMany(t => t.Cells))
        {
            var value = report.Table(cell.Table.Code)[cell.Row.Code, cell.Column.Code];
            Assert.Equal(value?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty,
                quangang[header.IndexOf($"{cell.Table.Code}|{cell.Row.Code}|{cell.Column.Code}")]);
        }
    }

    [Theory, SqliteData, PostgresData]
    public async Task The_zip_holds_one_json_per_published_report_that_reads_back_equal_to_the_report(TestProvider provider)
    {
        var client = await ClientAsync(provider);
        using var response = await client.GetAsync("/datasets/2023.zip");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/zip", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("filename*=UTF-8''", response.Content.Headers.GetValues("Content-Disposition").Single(), StringComparison.Ordinal);
        var zipBytes = await response.Content.ReadAsByteArrayAsync();
        using var zip = new ZipArchive(new MemoryStream(zipBytes));

        var documents = Documents(zip);
        string[] expected = ["350505", .. Streets2023];
        Assert.Equal(expected.Order(), documents.Select(d => d.Organization.Code!).Order());
        foreach (var document in documents)
        {
            // Read back, it is the report the API serves, to the byte.
            var api = await client.GetStringAsync($"/api/v1/reports/{document.Organization.Code}/2023");
            Assert.Equal(api, ReportDocumentWriter.Write(document));
        }

        Assert.DoesNotContain(zip.Entries, e => e.Name.Contains("测试局", StringComparison.Ordinal));
        var csvEntry = Assert.Single(zip.Entries, e => e.Name.EndsWith(".csv", StringComparison.Ordinal));
        Assert.Equal("figures-2021.csv", csvEntry.FullName);
        using var entryBytes = new MemoryStream();
        await using (var stream = await csvEntry.OpenAsync())
        {
            await stream.CopyToAsync(entryBytes);
        }

        Assert.Equal(await client.GetByteArrayAsync("/datasets/2023.csv"), entryBytes.ToArray());
        Assert.Equal(5, CsvLines(entryBytes.ToArray()).Count);
    }

    [Theory, SqliteData, PostgresData]
    public async Task A_subtree_dataset_holds_only_that_subtree(TestProvider provider)
    {
        var client = await ClientAsync(provider);
        using var zip = new ZipArchive(new MemoryStream(await client.GetByteArrayAsync("/datasets/2023.zip?org=350582")));
        Assert.Equal(Streets2023.Order(), Documents(zip).Select(d => d.Organization.Code!).Order());

        var csv = CsvLines(await client.GetByteArrayAsync("/datasets/2023.csv?org=350582"));
        Assert.Equal(Streets2023.Order(), csv.Skip(1).Select(line => line[0]).Order());
        Assert.All(csv.Skip(1), line => Assert.StartsWith("泉州市/晋江市/晋江市测试", line[2], StringComparison.Ordinal));

        var quangang = CsvLines(await client.GetByteArrayAsync("/datasets/2023.csv?org=350505"));
        Assert.Equal("350505", Assert.Single(quangang.Skip(1))[0]);
    }

    [Theory, SqliteData, PostgresData]
    public async Task The_listed_size_and_fingerprint_are_those_of_the_downloaded_bytes(TestProvider provider)
    {
        var client = await ClientAsync(provider);
        using var listing = JsonDocument.Parse(await client.GetStringAsync("/api/v1/datasets?year=2023&org=350500"));
        var datasets = listing.RootElement.GetProperty("datasets").EnumerateArray().ToList();
        var own = datasets[0];
        Assert.Equal("350500", own.GetProperty("scope").GetProperty("code").GetString());
        Assert.Equal(4, own.GetProperty("reports").GetInt32());
        Assert.Equal("2021", own.GetProperty("format").GetString());
        // The children with reports: 晋江市 (three streets) and 泉港区; the bodies without a published report are not listed.
        Assert.Equal(new Dictionary<string, int> { ["350582"] = 3, ["350505"] = 1 },
            datasets.Skip(1).ToDictionary(d => d.GetProperty("scope").GetProperty("code").GetString()!, d => d.GetProperty("reports").GetInt32()));

        foreach (var name in new[] { "zip", "csv" })
        {
            var file = own.GetProperty(name);
            var url = new Uri(file.GetProperty("url").GetString()!).PathAndQuery;
            Assert.Equal($"/datasets/2023.{name}?org=350500", url);
            using var response = await client.GetAsync(url);
            var bytes = await response.Content.ReadAsByteArrayAsync();
            var sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes));
            Assert.Equal(file.GetProperty("size").GetInt64(), bytes.LongLength);
            Assert.Equal(file.GetProperty("sha256").GetString(), sha256);
            Assert.Equal($"\"{sha256}\"", response.Headers.ETag?.Tag);
            Assert.Equal($"sha-256=:{Convert.ToBase64String(SHA256.HashData(bytes))}:", response.Headers.GetValues("Repr-Digest").Single());

            // A range of the file on disk, and a revalidation.
            using var range = new HttpRequestMessage(HttpMethod.Get, url);
            range.Headers.Range = new RangeHeaderValue(10, 19);
            using var partial = await client.SendAsync(range);
            Assert.Equal(HttpStatusCode.PartialContent, partial.StatusCode);
            Assert.Equal(bytes[10..20], await partial.Content.ReadAsByteArrayAsync());
            using var revalidation = new HttpRequestMessage(HttpMethod.Get, url);
            revalidation.Headers.IfNoneMatch.Add(new EntityTagHeaderValue($"\"{sha256}\""));
            Assert.Equal(HttpStatusCode.NotModified, (await client.SendAsync(revalidation)).StatusCode);
        }

        // The page lists the same fingerprints once built, and links the downloads.
        var page = await client.GetStringAsync("/datasets?org=350500&year=2023");
        Assert.Contains(own.GetProperty("zip").GetProperty("sha256").GetString()!, page, StringComparison.Ordinal);
        Assert.Contains("/datasets/2023.csv?org=350582", page, StringComparison.Ordinal);
        Assert.Contains("applications|newlyReceived|total", page, StringComparison.Ordinal);

        // Without a year: the scope's dataset of every year with reports.
        using var years = JsonDocument.Parse(await client.GetStringAsync("/api/v1/datasets?org=350500"));
        Assert.Equal([2023, 2020, 2018], years.RootElement.GetProperty("datasets").EnumerateArray().Select(d => d.GetProperty("year").GetInt32()));
    }

    [Theory, SqliteData, PostgresData]
    public async Task A_bad_year_or_organization_gets_a_zh_CN_400_or_404(TestProvider provider)
    {
        var client = await ClientAsync(provider);
        foreach (var (url, status, words) in new[]
        {
            ("/datasets/1900.zip", HttpStatusCode.BadRequest, "报告年度"),
            ("/datasets/1900.csv", HttpStatusCode.BadRequest, "报告年度"),
            ("/datasets/2023.zip?org=NO-SUCH-BODY", HttpStatusCode.NotFound, "没有代码为“NO-SUCH-BODY”的机关"),
            ("/datasets/2022.csv", HttpStatusCode.NotFound, "全部机关 2022 年度没有已发布的报告"),
            ("/datasets/2023.zip?org=" + DemoPortals.ApprovedCode, HttpStatusCode.NotFound, "没有已发布的报告"),
            ("/api/v1/datasets?year=1900", HttpStatusCode.BadRequest, "报告年度"),
            ("/api/v1/datasets?org=NO-SUCH-BODY", HttpStatusCode.NotFound, "没有代码为"),
            ("/datasets?year=abc", HttpStatusCode.BadRequest, "应为四位数字的年份"),
            ("/datasets?year=1900", HttpStatusCode.BadRequest, "报告年度"),
            ("/datasets?org=NO-SUCH-BODY", HttpStatusCode.NotFound, "没有代码为"),
        })
        {
            using var response = await client.GetAsync(url);
            Assert.True(status == response.StatusCode, $"{url} answered {(int)response.StatusCode}");
            Assert.Contains(words, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            if (url.StartsWith("/api/", StringComparison.Ordinal))
            {
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            }
        }
    }

    private async Task<ReportDocument> ReportAsync(TestProvider provider, string code, int year)
    {
        var portal = await portals.GetAsync(provider);
        using var scope = portal.Services.CreateScope();
        var report = await scope.ServiceProvider.GetRequiredService<PublicReports>().FindAsync(code, year);
        return ReportDocument.FromReport(Assert.IsType<AnnualReport>(report));
    }

    internal static List<ReportDocument> Documents(ZipArchive zip) =>
    [
        .. zip.Entries.Where(e => e.Name.EndsWith(".json", StringComparison.Ordinal)).Select(entry =>
        {
            using var stream = entry.Open();
            using var reader = new StreamReader(stream, Encoding.UTF8);
            var read = ReportDocumentReader.Read(reader.ReadToEnd());
            return Assert.IsType<ReportDocument>(read.Document);
        }),
    ];

    /// <summary>RFC 4180 lines (quoted fields with commas, quotes and line breaks), after the byte order mark.</summary>
    internal static List<List<string>> CsvLines(byte[] bytes)
    {
        var text = Encoding.UTF8.GetString(bytes).TrimStart('\uFEFF');
        var lines = new List<List<string>>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                fields.Add(field.ToString());
                field.Clear();
                lines.Add(fields);
                fields = [];
                i++;
            }
            else
            {
                field.Append(c);
            }
        }

        return lines;
    }
}

/// <summary>
/// Datasets on databases of their own: a publication makes the datasets of its year for its organization's ancestors'
/// subtrees out of date, and no others; concurrent downloads share one build; a year holding two formats.
/// </summary>
public sealed class DatasetBuildTests : IAsyncLifetime
{
    private readonly DatabaseFixture _databases = new();

    [Theory, SqliteData, PostgresData]
    public async Task A_publication_evicts_the_datasets_of_its_year_and_ancestors_only(TestProvider provider)
    {
        var database = await _databases.CreateAsync(provider, migrate: false);
        await using var portal = new PortalFactory(database, demo: true);
        using var client = portal.CreateClient();
        await DemoPortals.AddUnpublishedAsync(database);
        await CatchUpAsync(portal);

        // The approved report is of a body under 泉州市 (350500), 2023.
        string[] changed = ["/datasets/2023.zip?org=350500", "/datasets/2023.csv"];
        string[] untouched = ["/datasets/2020.zip?org=350500", "/datasets/2023.zip?org=350505", "/datasets/2018.csv"];
        var before = new Dictionary<string, (string? ETag, int Reports)>();
        foreach (var url in changed.Concat(untouched))
        {
            before[url] = await DownloadAsync(client, url);
        }

        var store = portal.Services.GetRequiredService<DatasetStore>();
        var built = untouched.ToDictionary(url => url, url => store.Current(ScopeOf(portal, url))?.BuiltAt);
        Assert.All(built.Values, value => Assert.NotNull(value));

        // Published from outside the instance: it learns of it from the change log alone.
        await using (var db = database.CreateContext())
        {
            await PublishApprovedAsync(db);
        }

        await CatchUpAsync(portal);
        foreach (var url in changed)
        {
            Assert.Null(store.Current(ScopeOf(portal, url)));
            var after = await DownloadAsync(client, url);
            Assert.NotEqual(before[url].ETag, after.ETag);
            Assert.Equal(before[url].Reports + 1, after.Reports);
        }

        foreach (var url in untouched)
        {
            Assert.Equal(built[url], store.Current(ScopeOf(portal, url))?.BuiltAt);
            Assert.Equal(before[url], await DownloadAsync(client, url));
        }
    }

    [Theory, SqliteData, PostgresData]
    public async Task Concurrent_downloads_of_a_dataset_share_one_build(TestProvider provider)
    {
        var database = await _databases.CreateAsync(provider, migrate: false);
        await using var portal = new PortalFactory(database, demo: true);
        using var client = portal.CreateClient();
        await CatchUpAsync(portal);
        var store = portal.Services.GetRequiredService<DatasetStore>();
        var builds = store.Builds;

        var answers = await Task.WhenAll(Enumerable.Range(0, 12).Select(i => Task.Run(async () =>
        {
            using var response = await client.GetAsync(i % 2 == 0 ? "/datasets/2023.zip?org=350500" : "/datasets/2023.csv?org=350500");
            return (response.StatusCode, response.Headers.ETag?.Tag);
        })));

        Assert.All(answers, answer => Assert.Equal(HttpStatusCode.OK, answer.StatusCode));
        Assert.Equal(2, answers.Select(a => a.Tag).Distinct().Count());
        Assert.Equal(builds + 1, store.Builds);
    }

    [Theory, SqliteData, PostgresData]
    public async Task A_year_holding_two_formats_has_a_csv_of_each_in_the_zip_and_the_years_own_alone(TestProvider provider)
    {
        var database = await _databases.CreateAsync(provider, migrate: false);
        await using var portal = new PortalFactory(database, demo: true);
        using var client = portal.CreateClient();
        await using (var db = database.CreateContext())
        {
            // An archived 2023 report in the 2019 format (only an import can hold one: format.mismatch refuses it otherwise).
            var city = await db.Organizations.SingleAsync(o => o.Code == "350500");
            var body = new Organization("泉州市旧格式测试局", "OLD-FORMAT", OrganizationKind.Department, city);
            db.Organizations.Add(body);
            db.Reports.Add(AnnualReport.Archived(body, 2023, ReportFormat.Format2019, published: true, new DateOnly(2024, 1, 5), DateTime.UtcNow));
            await db.SaveWithPathsAsync();
        }

        await CatchUpAsync(portal);
        using var zip = new ZipArchive(new MemoryStream(await client.GetByteArrayAsync("/datasets/2023.zip")));
        Assert.Equal(["figures-2021.csv", "figures-2019.csv"], zip.Entries.Where(e => e.Name.EndsWith(".csv", StringComparison.Ordinal)).Select(e => e.FullName));
        Assert.Equal(2, DatasetsTests.Documents(zip).Count);
        var old = ReadCsv(zip.GetEntry("figures-2019.csv")!);
        Assert.Equal(FiguresCsv.Header(ReportFormat.Format2019), old[0]);
        Assert.Equal("OLD-FORMAT", Assert.Single(old.Skip(1))[0]);

        var alone = DatasetsTests.CsvLines(await client.GetByteArrayAsync("/datasets/2023.csv"));
        Assert.Equal(FiguresCsv.Header(ReportFormat.Format2021), alone[0]);
        Assert.Equal("350505", Assert.Single(alone.Skip(1))[0]);
    }

    private static List<List<string>> ReadCsv(ZipArchiveEntry entry)
    {
        using var stream = entry.Open();
        using var bytes = new MemoryStream();
        stream.CopyTo(bytes);
        return DatasetsTests.CsvLines(bytes.ToArray());
    }

    /// <summary>The file's ETag and how many reports it holds (JSON entries of a ZIP, rows of a CSV).</summary>
    private static async Task<(string? ETag, int Reports)> DownloadAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url} answered {(int)response.StatusCode}");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var reports = url.Contains(".zip", StringComparison.Ordinal)
            ? DatasetsTests.Documents(new ZipArchive(new MemoryStream(bytes))).Count
            : DatasetsTests.CsvLines(bytes).Count - 1;
        return (response.Headers.ETag?.Tag, reports);
    }

    private static DatasetScope ScopeOf(PortalFactory portal, string url)
    {
        var uri = new Uri("http://localhost" + url);
        var year = int.Parse(uri.AbsolutePath.AsSpan("/datasets/".Length, 4), System.Globalization.CultureInfo.InvariantCulture);
        var org = System.Web.HttpUtility.ParseQueryString(uri.Query)["org"];
        using var scope = portal.Services.CreateScope();
        var root = org is null ? null : scope.ServiceProvider.GetRequiredService<PublicReports>().FindOrganizationAsync(org).GetAwaiter().GetResult();
        return new DatasetScope(root, year);
    }

    public Task InitializeAsync() => _databases.InitializeAsync();

    public Task DisposeAsync() => _databases.DisposeAsync();
}
