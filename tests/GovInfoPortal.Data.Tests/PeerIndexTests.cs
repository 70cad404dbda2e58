using GovInfoPortal.Core.Domain;
using GovInfoPortal.Core.Formats;
using GovInfoPortal.Core.Validation;
using GovInfoPortal.Data.Peers;
using GovInfoPortal.Data.Seeding;
using GovInfoPortal.Data.Tests.Infrastructure;
using GovInfoPortal.Testing;
using Microsoft.EntityFrameworkCore;

namespace GovInfoPortal.Data.Tests;

/// <summary>The peer index of <c>narrative.copiedFromPeer</c> on real SQLite and PostgreSQL databases.</summary>
public class PeerIndexTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    private static readonly ReportValidationService Validator = new();

    /// <summary>Text no report would write: random CJK characters, different for every seed.</summary>
    private static string Unique(int seed, int length)
    {
        var random = new Random(seed);
        return string.Concat(Enumerable.Range(0, length).Select(_ => (char)random.Next(0x4E00, 0x9FA5)));
    }

    private static async Task<AnnualReport> AddReportAsync(GovInfoDbContext db, string name, string code, string overview, bool submit = true)
    {
        var organization = await TestData.AddOrganizationAsync(db, name, code);
        var report = AnnualReport.Start(organization, 2023, TestData.Now);
        report.UpdateSections(new ReportSections(overview, "无。", "无。"), TestData.Now);
        if (submit)
        {
            report.SignOff("张三", TestData.Now);
            report.SubmitWithoutChecks(TestData.Now);
        }

        db.Reports.Add(report);
        await db.SaveChangesAsync();
        return report;
    }

    private static IEnumerable<Finding> Copies(IReportContent content, PeerComparison peers) =>
        Validator.Validate(new ReportValidationContext(content, Peers: peers)).Findings.Where(f => f.Rule == Rules.NarrativeCopiedFromPeer);

    [Theory, SqliteData, PostgresData]
    public async Task A_copy_of_a_submitted_report_is_found_through_the_index_and_the_index_follows_the_workflow(TestProvider provider)
    {
        var database = await fixture.CreateAsync(provider);
        await using var db = database.CreateContext();
        var original = Unique(1, 400);
        var source = await AddReportAsync(db, "甲县人民政府", "PEER01", original, submit: false);
        await AddReportAsync(db, "乙县人民政府", "PEER02", Unique(2, 400));
        var copier = await AddReportAsync(db, "丙县人民政府", "PEER03", original[..360] + Unique(3, 40), submit: false);

        // A draft is nobody's peer.
        Assert.Empty((await new PeerIndex(db).FindAsync(copier, copier.OrganizationId)).Candidates);
        Assert.Equal(0, await db.PeerSignatureBands.CountAsync(b => b.ReportId == source.Id));

        source.SignOff("张三", TestData.Now);
        source.SubmitWithoutChecks(TestData.Now);
        await db.SaveChangesAsync();
        Assert.Equal(PeerSignatures.Bands, await db.PeerSignatureBands.CountAsync(b => b.ReportId == source.Id && b.Part == SectionCodes.Overview));

        var peers = await new PeerIndex(db).FindAsync(copier, copier.OrganizationId);
        var candidate = Assert.Single(peers.Candidates);
        Assert.Equal("甲县人民政府", candidate.OrganizationName);
        var finding = Assert.Single(Copies(copier, peers));
        Assert.Equal("一、总体情况：与甲县人民政府2023年度报告的同一部分相同的内容约占 90%（已除去各报告通用的表述），请按本单位实际情况撰写", finding.Message);

        // 353 of its 393 shingles are the source's. Its own report is not its peer.
        Assert.Empty((await new PeerIndex(db).FindAsync(source, source.OrganizationId)).Candidates);

        // Returned to its clerk, the report leaves the index; deleted, its entries go with it.
        source.Return(SectionCodes.Overview, "请修改", Actor.System, TestData.Now);
        await db.SaveChangesAsync();
        Assert.Equal(0, await db.PeerSignatureBands.CountAsync(b => b.ReportId == source.Id));
        Assert.Empty((await new PeerIndex(db).FindAsync(copier, copier.OrganizationId)).Candidates);

        var other = await db.Reports.SingleAsync(r => r.Organization.Code == "PEER02");
        db.Reports.Remove(other);
        await db.SaveChangesAsync();
        Assert.Equal(0, await db.PeerSignatureBands.CountAsync(b => b.ReportId == other.Id));
    }

    [Theory, SqliteData, PostgresData]
    public async Task The_years_boilerplate_is_counted_from_the_index_and_a_rebuild_gives_the_same_index(TestProvider provider)
    {
        var database = await fixture.CreateAsync(provider);
        await using var db = database.CreateContext();
        var template = Unique(100, 240);
        var reports = new List<AnnualReport>();
        for (var i = 0; i < 12; i++)
        {
            reports.Add(await AddReportAsync(db, $"第{i}镇人民政府", $"PEERB{i:00}", template + Unique(200 + i, 120)));
        }

        var index = new PeerIndex(db);
        var boilerplate = await index.BoilerplateAsync(2023);
        Assert.All(PeerSignatures.ShinglesOf(template), s => Assert.True(boilerplate.Contains(SectionCodes.Overview, s)));

        // Every body shares the template with every other one, which is no copying.
        foreach (var report in reports)
        {
            Assert.Empty(Copies(report, await index.FindAsync(report, report.OrganizationId)));
        }

        // A thirteenth body that copies the twelfth's own text is found, beside the template.
        var copier = await AddReportAsync(db, "抄写镇人民政府", "PEERBC", reports[11].Sections.Overview!);
        var finding = Assert.Single(Copies(copier, await index.FindAsync(copier, copier.OrganizationId)));
        Assert.Contains("第11镇人民政府", finding.Message);

        var before = await db.PeerSignatureBands.OrderBy(b => b.ReportId).ThenBy(b => b.Part).ThenBy(b => b.Band)
            .Select(b => new { b.ReportId, b.Part, b.Band, b.Bucket }).ToListAsync();
        Assert.Equal(13, await index.RebuildAsync());
        var after = await db.PeerSignatureBands.OrderBy(b => b.ReportId).ThenBy(b => b.Part).ThenBy(b => b.Band)
            .Select(b => new { b.ReportId, b.Part, b.Band, b.Bucket }).ToListAsync();
        Assert.Equal(13 * PeerSignatures.Bands, after.Count);
        Assert.Equal(before.Select(b => (b.ReportId, b.Part, b.Band)), after.Select(b => (b.ReportId, b.Part, b.Band)));
        Assert.Single(Copies(copier, await index.FindAsync(copier, copier.OrganizationId)));
    }

    [Theory, SqliteData, PostgresData]
    public async Task The_synthetic_seed_and_migrate_build_the_index_in_bulk(TestProvider provider)
    {
        var database = await fixture.CreateAsync(provider);
        await using var db = database.CreateContext();
        await new SyntheticDataSeeder(db).SeedAsync(new SyntheticSeedOptions { Organizations = 30, FirstYear = 2022, LastYear = 2023, CodePrefix = "PEERS" });

        var inWorkflow = await db.Reports.CountAsync(r => r.Status == ReportStatus.Submitted || r.Status == ReportStatus.Approved || r.Status == ReportStatus.Published);
        Assert.True(inWorkflow > 0);
        Assert.Equal([2022, 2023], await db.PeerBoilerplateYears.OrderBy(y => y.Year).Select(y => y.Year).ToListAsync());

        // A database from before the index (no boilerplate counted yet) is indexed by migrate.
        await db.PeerSignatureBands.ExecuteDeleteAsync();
        await db.PeerBoilerplateYears.ExecuteDeleteAsync();
        await new DatabaseMigrator(db).MigrateAsync();
        Assert.Equal([2022, 2023], await db.PeerBoilerplateYears.OrderBy(y => y.Year).Select(y => y.Year).ToListAsync());
    }
}
