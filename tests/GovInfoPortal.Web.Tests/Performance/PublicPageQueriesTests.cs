using System.Net;
using System.Text;
using GovInfoPortal.Core.Domain;
using GovInfoPortal.Core.Formats;
using GovInfoPortal.Core.Interchange;
using GovInfoPortal.Data.Caching;
using GovInfoPortal.Data.Seeding;
using GovInfoPortal.Testing;
using GovInfoPortal.Web.Archive;
using GovInfoPortal.Web.Caching;
using GovInfoPortal.Web.Tests.Archive;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace GovInfoPortal.Web.Tests.Performance;

/// <summary>
/// No N+1 queries on the public pages: each public page, download and open-data read runs a fixed, small number of
/// SQL commands, the same on the demo data as on a database with hundreds more organizations and published reports
/// (the lists are paged, so the count must not grow with the data). Every request is measured on a cache miss:
/// everything cached is evicted before it, as a change of everything does, so neither the output cache nor the
/// in-memory totals answer it.
/// </summary>
public sealed class PublicPageQueriesTests(DatabaseFixture databases, ITestOutputHelper output) : IClassFixture<DatabaseFixture>
{
    /// <summary>A public address and the most SQL commands one request of it may run (a cache miss, any data size).</summary>
    public sealed record PublicRoute(string Page, string Url, int MaxCommands);

    private const string Quangang = "350505";
    private const string Xiyuan = "350582003";
    private const string Qingyang = "350582001";
    private const string Quanzhou = "350500";
    private const string Jinjiang = "350582";

    /// <summary>The public pages with their declared bounds; each request also reads the content generation once.</summary>
    // Browsing reads a level's children and, in a second command, its reports counted per child.
    private static readonly PublicRoute[] Routes =
    [
        new("home", "/", 4), // the generation, the year counts, the latest dated and the latest undated reports (each from its own index)
        new("browse by year", "/reports?year=2023", 6),
        new("browse the tree (roots)", "/reports", 6),
        new("browse the tree (a city)", $"/reports?org={Quanzhou}", 8),
        new("browse a city's year", $"/reports?org={Quanzhou}&year=2023", 8),
        new("an organization's page", $"/reports?org={Jinjiang}", 8),
        new("report, 2021 format, with its correction history", $"/reports/{Quangang}/2023", 4),
        new("report, 2019 format", $"/reports/{Xiyuan}/2020", 4),
        new("report, legacy archive", $"/reports/{Qingyang}/2018", 5),
        new("earlier version (correction history)", $"/reports/{Quangang}/2023/versions/1", 3),
        new("statistics, one body across years", $"/stats?org={Quangang}", 10),
        new("statistics, a subtree for a year", $"/stats?org={Quanzhou}&year=2023", 10),
        new("statistics, default body", "/stats", 9),
        new("search, a hit", "/search?q=" + Uri.EscapeDataString("泉港"), 7),
        new("search, a hit within a year and subtree", "/search?q=" + Uri.EscapeDataString("公开") + $"&year=2023&org={Quanzhou}", 8),
        new("search, a miss", "/search?q=" + Uri.EscapeDataString("火星基地"), 4),
        new("feed", "/feed.atom", 4), // the dated and the undated publications, each from its own index,
        new("sitemap index", "/sitemap.xml", 2),
        new("sitemap of pages", "/sitemaps/pages.xml", 1),
        new("sitemap of reports, page 1", "/sitemaps/reports-1.xml", 2),
        new("download PDF", $"/reports/{Quangang}/2023.pdf", 2),
        new("download Word", $"/reports/{Quangang}/2023.docx", 2),
        new("download Excel", $"/reports/{Quangang}/2023.xlsx", 2),
        new("download CSV", $"/reports/{Quangang}/2023.csv", 2),
        new("download JSON", $"/reports/{Quangang}/2023.json", 2),
        new("download 2019-format PDF", $"/reports/{Xiyuan}/2020.pdf", 2),
        new("archived original PDF", $"/reports/{Qingyang}/2018/original.pdf", 3),
        new("open-data API page", "/api", 4),
        new("OpenAPI document", "/openapi/v1.json", 1),
        new("API: list", "/api/v1/reports", 3),
        new("API: list of a year and subtree", $"/api/v1/reports?year=2023&org={Quanzhou}", 4),
        new("API: search", "/api/v1/reports?q=" + Uri.EscapeDataString("泉港"), 5),
        new("API: one report", $"/api/v1/reports/{Quangang}/2023", 2),
        new("API: statistics of a subtree", $"/api/v1/stats?year=2023&org={Quanzhou}", 3),
        new("API: statistics of everything", "/api/v1/stats?year=2020", 2),
    ];

    [Theory, SqliteData, PostgresData]
    public async Task Every_public_page_runs_the_same_few_commands_on_the_demo_data_and_on_a_larger_database(TestProvider provider)
    {
        var database = await databases.CreateAsync(provider, migrate: false);
        var counter = new CommandCounter();
        await using var portal = new CommandCounter.Portal(database, counter);
        using var client = portal.CreateClient();

        await CorrectAsync(database, Quangang, 2023, times: 1);
        await UploadOriginalAsync(portal, Qingyang, 2018);
        // One request unmeasured: the process's first request loads what every later one reuses.
        (await client.GetAsync("/")).EnsureSuccessStatusCode();

        var small = await MeasureAsync(portal.Services, counter, client);

        await GrowAsync(database);
        var large = await MeasureAsync(portal.Services, counter, client);

        var report = new StringBuilder();
        var problems = new StringBuilder();
        foreach (var route in Routes)
        {
            var (smallCount, largeCount) = (small[route.Url].Count, large[route.Url].Count);
            report.AppendLine($"{route.Page,-50} {smallCount,3} {largeCount,3}  (at most {route.MaxCommands})  {route.Url}");
            if (largeCount != smallCount || largeCount > route.MaxCommands)
            {
                problems.AppendLine($"{route.Page} ({route.Url}): {smallCount} commands on the demo data, {largeCount} on the larger database, at most {route.MaxCommands} declared. Commands on the larger database:");
                foreach (var command in large[route.Url])
                {
                    problems.AppendLine("    " + command.ReplaceLineEndings(" "));
                }
            }
        }

        output.WriteLine(report.ToString());
        Assert.True(problems.Length == 0, problems.ToString());
    }

    /// <summary>The commands of one cache-missing request of each route, which must answer 200.</summary>
    private static async Task<Dictionary<string, IReadOnlyList<string>>> MeasureAsync(IServiceProvider services, CommandCounter counter, HttpClient client)
    {
        var counts = new Dictionary<string, IReadOnlyList<string>>();
        foreach (var route in Routes)
        {
            // As a change of everything learnt from the change log would: every cached answer and figure is evicted.
            services.GetRequiredService<ContentChangeTracker>().Changed([ContentTags.Everything]);

            var (response, _, commands) = await counter.GetAsync(client, route.Url);
            using (response)
            {
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"{route.Page} ({route.Url}) answered {(int)response.StatusCode}.");
                // An answer from the output cache carries its age.
                Assert.False(response.Headers.Age.HasValue, $"{route.Page} ({route.Url}) came from the output cache.");
            }

            counts[route.Url] = commands;
        }

        return counts;
    }

    /// <summary>
    /// Hundreds more published reports: a synthetic province (40 bodies, 2016–2024, legacy years included), 30 bodies
    /// under 泉州市 with reports of 2020 and 2023 (named 泉港…, so that searching 泉港 finds a page of them), earlier
    /// years of 泉港区 (its statistics across years), and three more corrections of its 2023 report.
    /// </summary>
    private static async Task GrowAsync(TestDatabase database)
    {
        await using (var db = database.CreateContext())
        {
            await new SyntheticDataSeeder(db).SeedAsync(new SyntheticSeedOptions
            {
                Organizations = 40,
                FirstYear = 2016,
                LastYear = 2024,
                CodePrefix = "NPLUSONE",
            });
        }

        var demo = DemoDataSeeder.DemoReports();
        var format2021 = demo.Single(d => d.Format == ReportFormat.Format2021);
        var format2019 = demo.Single(d => d.Format == ReportFormat.Format2019);
        var now = DateTime.UtcNow;
        await using (var db = database.CreateContext())
        {
            var city = await db.Organizations.SingleAsync(o => o.Code == Quanzhou);
            for (var i = 1; i <= 30; i++)
            {
                var body = new Organization($"泉港第{i}测试局", $"NPLUSONE-Q{i:D2}", OrganizationKind.Department, city);
                db.Organizations.Add(body);
                foreach (var document in new[] { format2021, format2019 })
                {
                    var copy = document with
                    {
                        Organization = new OrganizationRef(body.Name, body.Code, city.Name),
                        PublishedOn = document.PublishedOn?.AddDays(i),
                    };
                    db.Reports.Add(AnnualReport.Archived(body, copy, copy.Document, copy.LegacyFigures, "测试签发人", published: true, now));
                }
            }

            var quangang = await db.Organizations.SingleAsync(o => o.Code == Quangang);
            foreach (var (year, document) in new[] { (2019, format2019), (2020, format2019), (2021, format2021), (2022, format2021) })
            {
                var copy = document with
                {
                    Organization = new OrganizationRef(quangang.Name, quangang.Code, city.Name),
                    Year = year,
                    PublishedOn = new DateOnly(year + 1, 1, 20),
                };
                db.Reports.Add(AnnualReport.Archived(quangang, copy, copy.Document, copy.LegacyFigures, "测试签发人", published: true, now));
            }

            await db.SaveWithPathsAsync();
        }

        await CorrectAsync(database, Quangang, 2023, times: 3);
    }

    /// <summary>Publishes corrections of a published report, one after the other.</summary>
    private static async Task CorrectAsync(TestDatabase database, string code, int year, int times)
    {
        for (var i = 0; i < times; i++)
        {
            var now = DateTime.UtcNow;
            await using var db = database.CreateContext();
            var report = await db.Reports.Include(r => r.Organization)
                .Include(r => r.Corrections.Where(c => c.Status != ReportStatus.Published))
                .SingleAsync(r => r.Organization.Code == code && r.Year == year);
            var correction = report.OpenCorrection($"更正总体情况中的文字（第 {report.PublishedCorrections + 1} 次）", Actor.System, now);
            correction.UpdateSections(report.Sections with { Overview = report.Sections.Overview + $"（第 {report.PublishedCorrections + 1} 次更正）" }, now);
            correction.SignOff("测试签发人", now);
            correction.SubmitWithoutChecks(now);
            report.Approve(now);
            report.Publish(DateOnly.FromDateTime(now), secrecyReviewConfirmed: true, Actor.System, now);
            await db.SaveChangesAsync();
        }
    }

    private static async Task UploadOriginalAsync(CommandCounter.Portal portal, string code, int year)
    {
        int reportId;
        await using (var db = portal.Database.CreateContext())
        {
            reportId = await db.Reports.Where(r => r.Organization.Code == code && r.Year == year).Select(r => r.Id).SingleAsync();
        }

        using var scope = portal.Services.CreateScope();
        var uploaded = await scope.ServiceProvider.GetRequiredService<ArchiveDocuments>()
            .UploadAsync(reportId, "存档原件.pdf", ArchiveUploadTests.RealPdf(), "测试管理员");
        Assert.True(uploaded.Succeeded, string.Join("；", uploaded.Errors.Select(e => e.Message)));
    }
}
