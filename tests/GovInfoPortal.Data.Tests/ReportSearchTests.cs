using GovInfoPortal.Core.Domain;
using GovInfoPortal.Data.Search;
using GovInfoPortal.Data.Seeding;
using GovInfoPortal.Data.Tests.Infrastructure;
using GovInfoPortal.Testing;
using Microsoft.EntityFrameworkCore;

namespace GovInfoPortal.Data.Tests;

/// <summary>The bigram search index on real SQLite (FTS5) and PostgreSQL (tsvector + GIN) databases.</summary>
public class ReportSearchTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    [Fact]
    public void Text_is_cut_into_bigrams_and_the_last_character_of_each_run()
    {
        Assert.Equal(["依申", "申请", "请公", "公开", "开", "20", "02", "23", "3", "ab", "b"], SearchTokens.Tokenize("依申请公开，2023 AB"));
        Assert.Equal(["港"], SearchTokens.Tokenize("港"));
    }

    [Fact]
    public void A_query_is_a_phrase_of_bigrams_per_term_and_a_prefix_for_one_character()
    {
        var terms = SearchTokens.ParseQuery(" 泉港区  公开 港 泉港区 ");

        Assert.Equal(3, terms.Count);
        Assert.Equal(["泉港", "港区"], terms[0].Tokens);
        Assert.False(terms[0].IsPrefix);
        Assert.Equal(["公开"], terms[1].Tokens);
        Assert.True(terms[2].IsPrefix);
        Assert.Empty(SearchTokens.ParseQuery("  ，。！ "));
    }

    [Theory, SqliteData, PostgresData]
    public async Task Demo_reports_are_found_by_name_by_narrative_text_and_by_one_character(TestProvider provider)
    {
        var database = await fixture.CreateAsync(provider);
        await using var db = database.CreateContext();
        await new DemoDataSeeder(db).SeedAsync(history: false); // the three real reports: their names and text alone

        var quangang = await db.Reports.Where(r => r.Organization.Code == "350505" && r.Year == 2023).Select(r => r.Id).SingleAsync();

        Assert.Equal([quangang], (await Search(db, "泉港")).ReportIds);
        Assert.Equal([quangang], (await Search(db, "泉港区")).ReportIds);
        Assert.Contains(quangang, (await Search(db, "依申请公开")).ReportIds);
        Assert.Empty((await Search(db, "泉区")).ReportIds);
        Assert.Empty((await Search(db, "不存在的词语组合")).ReportIds);
        Assert.Contains(quangang, (await Search(db, "港")).ReportIds);
        Assert.Equal([quangang], (await Search(db, "泉港 依申请公开")).ReportIds);
        Assert.Equal([quangang], (await Search(db, "依申请公开", year: 2023)).ReportIds);
        Assert.DoesNotContain(quangang, (await Search(db, "依申请公开", year: 2020)).ReportIds);

        var jinjiang = await db.Organizations.SingleAsync(o => o.Code == "350582");
        Assert.DoesNotContain(quangang, (await Search(db, "演示数据", subtree: jinjiang.Path)).ReportIds);
        Assert.NotEmpty((await Search(db, "演示数据", subtree: jinjiang.Path)).ReportIds);

        // Matches in the organization name come before matches in the text only.
        var hits = await Search(db, "晋江 演示数据");
        var first = await db.Reports.Where(r => r.Id == hits.ReportIds[0]).Select(r => r.Organization.Name).SingleAsync();
        Assert.StartsWith("晋江市", first, StringComparison.Ordinal);
    }

    [Theory, SqliteData, PostgresData]
    public async Task Only_published_reports_are_found_and_the_index_follows_publication_and_renames(TestProvider provider)
    {
        var database = await fixture.SharedAsync(provider);
        var unique = DatabaseFixture.Unique("检索");
        int reportId;
        await using (var db = database.CreateContext())
        {
            var organization = await TestData.AddOrganizationAsync(db, $"{unique}街道办事处", unique);
            var report = AnnualReport.Start(organization, 2023, TestData.Now);
            report.UpdateSections(new ReportSections("本机关的草稿说明独有词汇鹦鹉螺。", "问题", "事项"), TestData.Now);
            db.Reports.Add(report);
            await db.SaveChangesAsync();
            reportId = report.Id;
        }

        await using (var db = database.CreateContext())
        {
            Assert.Empty((await Search(db, "鹦鹉螺")).ReportIds);
            Assert.Empty((await Search(db, unique)).ReportIds);

            var report = await db.Reports.SingleAsync(r => r.Id == reportId);
            report.SignOff("张三", TestData.Now);
            report.SubmitWithoutChecks(TestData.Now);
            report.Approve(TestData.Now);
            report.Publish(new DateOnly(2024, 1, 20), secrecyReviewConfirmed: true, Actor.System, TestData.Now);
            await db.SaveChangesAsync();
        }

        await using (var db = database.CreateContext())
        {
            Assert.Equal([reportId], (await Search(db, "鹦鹉螺")).ReportIds);
            Assert.Equal([reportId], (await Search(db, unique)).ReportIds);

            var organization = await db.Organizations.SingleAsync(o => o.Code == unique);
            organization.Rename($"{unique}改名后的镇人民政府");
            await db.SaveChangesAsync();
        }

        await using (var db = database.CreateContext())
        {
            Assert.Equal([reportId], (await Search(db, "改名后的镇")).ReportIds);
            await db.Reports.Where(r => r.Id == reportId).ExecuteDeleteAsync();
        }
    }

    [Theory, SqliteData, PostgresData]
    public async Task The_synthetic_seed_indexes_its_published_reports_in_bulk(TestProvider provider)
    {
        var database = await fixture.CreateAsync(provider);
        await using var db = database.CreateContext();
        await new SyntheticDataSeeder(db).SeedAsync(new SyntheticSeedOptions { Organizations = 30, FirstYear = 2022, LastYear = 2024, CodePrefix = "SRCH" });

        var published = await db.Reports.CountAsync(r => r.Status == ReportStatus.Published);
        var hits = await new ReportSearchQuery(db).SearchAsync(SearchTokens.ParseQuery("合成"), null, null, 1, 100);
        Assert.Equal(published, hits.Total);
        Assert.True(published < 90, "the last year holds reports still in the workflow");
        var statuses = await db.Reports.Where(r => hits.ReportIds.Contains(r.Id)).Select(r => r.Status).Distinct().ToListAsync();
        Assert.Equal([ReportStatus.Published], statuses);

        // Paging walks the same order without repeats.
        var second = await new ReportSearchQuery(db).SearchAsync(SearchTokens.ParseQuery("合成"), null, null, 2, 50);
        var firstPage = await new ReportSearchQuery(db).SearchAsync(SearchTokens.ParseQuery("合成"), null, null, 1, 50);
        Assert.Empty(firstPage.ReportIds.Intersect(second.ReportIds));
        Assert.Equal(published, firstPage.ReportIds.Count + second.ReportIds.Count);

        // Each year's search finds that year's published reports, in the name and in the text (on PostgreSQL through
        // the year held in the index), and a year without reports none.
        await AssertEachYearAsync(db);

        // A rebuild gives the same index.
        await new ReportSearchIndex(db).RebuildAsync();
        Assert.Equal(published, (await new ReportSearchQuery(db).SearchAsync(SearchTokens.ParseQuery("合成"), null, null, 1, 10)).Total);
        await AssertEachYearAsync(db);
    }

    private static async Task AssertEachYearAsync(GovInfoDbContext db)
    {
        // Counted by the walk over the year's newest reports (all of them, a few, one), and from the index alone.
        foreach (var budget in new[] { ReportSearchQuery.WalkBudget, 5, 1, 0 })
        {
            foreach (var year in new[] { 2021, 2022, 2023, 2024 })
            {
                var query = new ReportSearchQuery(db, budget);
                var expected = await db.Reports.CountAsync(r => r.Status == ReportStatus.Published && r.Year == year);
                var inText = await query.SearchAsync(SearchTokens.ParseQuery("合成"), year, null, 1, 100);
                Assert.Equal(expected, inText.Total);
                Assert.Equal(expected, inText.ReportIds.Count);
                Assert.All(await db.Reports.Where(r => inText.ReportIds.Contains(r.Id)).Select(r => r.Year).ToListAsync(), y => Assert.Equal(year, y));
                var inName = await query.SearchAsync(SearchTokens.ParseQuery($"{year}年"), year, null, 1, 100);
                Assert.Equal(expected, inName.Total);
                // Matches with the term in the name come first, then those with it in the text alone: both counted.
                var both = await query.SearchAsync(SearchTokens.ParseQuery("合成 机关"), year, null, 1, 100);
                var plain = await new ReportSearchQuery(db, 0).SearchAsync(SearchTokens.ParseQuery("合成 机关"), year, null, 1, 100);
                Assert.Equal(plain.Total, both.Total);
                Assert.Equal(plain.ReportIds, both.ReportIds);
            }
        }
    }

    private static Task<SearchHits> Search(GovInfoDbContext db, string query, int? year = null, string? subtree = null) =>
        new ReportSearchQuery(db).SearchAsync(SearchTokens.ParseQuery(query), year, subtree, 1, 20);
}
