using GovInfoPortal.Core.Domain;
using GovInfoPortal.Core.Formats;
using GovInfoPortal.Core.Interchange;
using GovInfoPortal.Core.Validation;
using GovInfoPortal.Data.Seeding;
using GovInfoPortal.Data.Tests.Infrastructure;
using GovInfoPortal.Testing;
using Microsoft.EntityFrameworkCore;

namespace GovInfoPortal.Data.Tests;

public class SeederTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    [Fact]
    public void Demo_reports_are_clean()
    {
        var validator = new ReportValidationService();
        foreach (var document in TestData.DemoDocuments)
        {
            var report = validator.Validate(document);
            Assert.True(report.Clean, $"{document.Organization.Name} {document.Year}: {string.Join("; ", report.Findings.Select(f => f.Message))}");
            Assert.All(SectionCodes.All, code => Assert.StartsWith("【演示数据】", document.Sections[code]));
        }
    }

    [Fact]
    public void Demo_history_covers_every_body_and_year_and_is_clean_against_the_year_before()
    {
        var real = DemoDataSeeder.DemoReports();
        var history = DemoDataSeeder.HistoryReports();
        var all = real.Concat(history).ToList();

        // Ten bodies, 2019–2024 each; the two real reports of those years are not repeated.
        Assert.Equal(10 * 6 - 2, history.Count);
        Assert.Equal(10, all.Select(d => d.Organization.Code).Distinct().Count());
        Assert.All(all.Where(d => d.Year >= 2019).GroupBy(d => d.Organization.Code), body =>
            Assert.Equal(Enumerable.Range(2019, 6), body.Select(d => d.Year).Order()));
        Assert.DoesNotContain(history, h => real.Any(r => r.Organization.Code == h.Organization.Code && r.Year == h.Year));
        Assert.All(history, d => Assert.All(SectionCodes.All, code => Assert.StartsWith(DemoHistory.SyntheticMark, d.Sections[code])));

        var validator = new ReportValidationService();
        foreach (var document in all.Where(d => d.Format != ReportFormat.Legacy))
        {
            var lastYear = all.SingleOrDefault(d => d.Organization.Code == document.Organization.Code && d.Year == document.Year - 1);
            var findings = validator.Validate(new ReportValidationContext(document, lastYear,
                OrganizationKind: document.Organization.Kind, OrganizationName: document.Organization.Name, OrganizationCode: document.Organization.Code)).Findings;
            Assert.True(findings.Count == 0, $"{document.Organization.Name} {document.Year}: {string.Join("; ", findings.Select(f => $"{f.Rule} {f.Message}"))}");
        }

        // The same history every time.
        Assert.Equal(history.Select(d => d.Applications), DemoDataSeeder.HistoryReports().Select(d => d.Applications));
    }

    [Theory, SqliteData, PostgresData]
    public async Task Demo_seeds_an_empty_database_once(TestProvider provider)
    {
        var database = await fixture.CreateAsync(provider);
        await using (var db = database.CreateContext())
        {
            var result = await new DemoDataSeeder(db).SeedAsync();
            Assert.True(result.Seeded);
            Assert.Equal(3 + 58, result.Reports);
        }

        await using (var db = database.CreateContext())
        {
            var again = await new DemoDataSeeder(db).SeedAsync();
            Assert.False(again.Seeded);

            Assert.True(await db.Organizations.CountAsync() >= 10);
            var jinjiang = await db.Organizations.SingleAsync(o => o.Code == "350582");
            Assert.Equal(7, await db.Organizations.CountAsync(o => o.ParentId == jinjiang.Id));
            Assert.Equal(9, await db.Organizations.InSubtree((await db.Organizations.SingleAsync(o => o.Code == "350500")).Path).CountAsync() - 1);

            var reports = await db.Reports.Include(r => r.Organization).ThenInclude(o => o.Parent).ToListAsync();
            // The three real reports and the synthetic history of the ten bodies, 2019–2024.
            Assert.Equal(3 + 58, reports.Count);
            Assert.Equal(10, reports.Count(r => r.Year == 2023));
            Assert.All(reports, r => Assert.Equal(ReportStatus.Published, r.Status));
            var qingyang = reports.Single(r => r.Year == 2018);
            Assert.Equal(ReportFormat.Legacy, qingyang.Format);
            Assert.Equal("吴靖宇", qingyang.SignedBy);
            Assert.Equal(new DateOnly(2019, 1, 1), qingyang.PublishedOn);
            Assert.Equal(158, qingyang.LegacyFigures["主动公开文件数"]);
            Assert.Equal(15, qingyang.LegacyFigures.Cells.Count);
            Assert.Null(reports.Single(r => r.Year == 2020 && r.Organization.Code == "350582003").PublishedOn);
            Assert.Equal(new DateOnly(2024, 1, 10), reports.Single(r => r.Year == 2023 && r.Organization.Code == "350505").PublishedOn);

            var validator = new ReportValidationService();
            Assert.All(reports, r => Assert.True(validator.Validate(r).Clean));
            foreach (var report in reports.Where(r => r.Format != ReportFormat.Legacy))
            {
                var lastYear = reports.SingleOrDefault(r => r.OrganizationId == report.OrganizationId && r.Year == report.Year - 1);
                Assert.True(validator.Validate(new ReportValidationContext(report, lastYear)).Clean, $"{report.Organization.Name} {report.Year}");
            }
        }
    }

    [Theory, SqliteData, PostgresData]
    public async Task Demo_leaves_a_database_with_organizations_alone(TestProvider provider)
    {
        var database = await fixture.CreateAsync(provider);
        await using (var db = database.CreateContext())
        {
            await TestData.AddOrganizationAsync(db, "已有机关", "existing");
        }

        await using (var db = database.CreateContext())
        {
            var result = await new DemoDataSeeder(db).SeedAsync();

            Assert.False(result.Seeded);
            Assert.Equal("existing", (await db.Organizations.SingleAsync()).Code);
            Assert.Equal(0, await db.Reports.CountAsync());
        }
    }

    [Theory, SqliteData, PostgresData]
    public async Task Synthetic_data_has_a_tree_reports_in_the_format_of_their_year_and_balances(TestProvider provider)
    {
        var database = await fixture.CreateAsync(provider);
        var options = new SyntheticSeedOptions { Organizations = 45, FirstYear = 2017, LastYear = 2022, ErrorShare = 0 };
        var progress = new List<SeedProgress>();
        await using (var db = database.CreateContext())
        {
            await TestData.AddOrganizationAsync(db, "先有的机关", "before");
            var result = await new SyntheticDataSeeder(db).SeedAsync(options, new SynchronousProgress(progress.Add));
            Assert.Equal(45, result.Organizations);
            Assert.Equal(45 * 6, result.Reports);
        }

        Assert.Contains(progress, p => p is { Stage: SeedStage.Reports, Done: 270, Total: 270 });
        await using (var db = database.CreateContext())
        {
            var organizations = await db.Organizations.Where(o => o.Code!.StartsWith("SYN")).Include(o => o.Parent).ToListAsync();
            Assert.Equal(45, organizations.Count);
            Assert.All(organizations, o => Assert.Equal((o.Parent?.Path ?? "/") + o.Id + "/", o.Path));
            Assert.Single(organizations, o => o.ParentId is null);
            Assert.Contains(organizations, o => o.Kind == OrganizationKind.Township);
            Assert.Contains(organizations, o => o.Kind == OrganizationKind.Department);
            Assert.Equal(4, organizations.Max(o => o.Path.Count(c => c == '/')) - 1);

            var reports = await db.Reports.Include(r => r.Organization).ThenInclude(o => o.Parent).Where(r => r.Organization.Code!.StartsWith("SYN")).ToListAsync();
            Assert.Equal(270, reports.Count);
            Assert.All(reports, r => Assert.Equal(ReportFormats.ForYear(r.Year), r.Format));

            var validator = new ReportValidationService();
            foreach (var report in reports.Where(r => r.Format != ReportFormat.Legacy))
            {
                var lastYear = reports.SingleOrDefault(r => r.OrganizationId == report.OrganizationId && r.Year == report.Year - 1);
                var findings = validator.Validate(new ReportValidationContext(report, lastYear)).Findings;
                Assert.True(findings.Count == 0, $"{report.Organization.Name} {report.Year}: {string.Join("; ", findings.Select(f => f.Message))}");
            }

            // The sequences go on after the seeded ids.
            var later = await TestData.AddOrganizationAsync(db, "后来的机关", "after");
            Assert.True(later.Id > organizations.Max(o => o.Id));
            db.Reports.Add(AnnualReport.Start(later, 2023, TestData.Now));
            await db.SaveChangesAsync();

            var documents = reports.Take(3).Select(ReportDocument.FromReport).ToList();
            Assert.All(documents, d => Assert.StartsWith("SYN", d.Organization.Code));
        }

        await using (var db = database.CreateContext())
        {
            var error = await Assert.ThrowsAsync<SeedRefusedException>(() => new SyntheticDataSeeder(db).SeedAsync(options));
            Assert.Contains("SYN", error.Message);
            Assert.Equal(47, await db.Organizations.CountAsync());
        }
    }

    [Theory, SqliteData, PostgresData]
    public async Task Synthetic_data_carries_the_requested_share_of_errors(TestProvider provider)
    {
        var database = await fixture.CreateAsync(provider);
        await using var db = database.CreateContext();

        var result = await new SyntheticDataSeeder(db).SeedAsync(new SyntheticSeedOptions { Organizations = 30, ErrorShare = 1, CodePrefix = "ERR" });

        Assert.Equal(180, result.ReportsWithErrors);
        var validator = new ReportValidationService();
        var reports = await db.Reports.ToListAsync();
        Assert.All(reports, r => Assert.True(validator.Validate(r).HasErrors));
    }

    private sealed class SynchronousProgress(Action<SeedProgress> report) : IProgress<SeedProgress>
    {
        public void Report(SeedProgress value) => report(value);
    }
}
