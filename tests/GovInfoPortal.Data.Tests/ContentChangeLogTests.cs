using GovInfoPortal.Core.Domain;
using GovInfoPortal.Data.Caching;
using GovInfoPortal.Data.Seeding;
using GovInfoPortal.Testing;
using Microsoft.EntityFrameworkCore;

namespace GovInfoPortal.Data.Tests;

/// <summary>
/// The change log: what citizens can see writes, in its own save, the tags of what it changed (the report, its
/// organization and every ancestor for its year, the lists); drafts write nothing; an organization change writes
/// everything; pruning keeps the latest change.
/// </summary>
public class ContentChangeLogTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    [Theory, SqliteData, PostgresData]
    public async Task A_publication_logs_its_report_its_ancestors_and_the_lists_and_a_draft_logs_nothing(TestProvider provider)
    {
        var database = await fixture.CreateAsync(provider);
        int reportId;
        await using (var db = database.CreateContext())
        {
            Assert.True((await new DemoDataSeeder(db).SeedAsync()).Seeded);
            var jinjiang = await db.Organizations.SingleAsync(o => o.Code == "350582");
            var body = new Organization("晋江市日志测试局", null, OrganizationKind.Department, jinjiang);
            db.Organizations.Add(body);
            await db.SaveWithPathsAsync();
            var report = AnnualReport.Start(body, 2024, DateTime.UtcNow);
            db.Reports.Add(report);
            await db.SaveChangesAsync();
            reportId = report.Id;
        }

        long before;
        await using (var db = database.CreateContext())
        {
            before = await ContentChanges.LatestIdAsync(db);
            Assert.Equal(ContentTags.Everything, (await db.ContentChanges.SingleAsync(c => c.Id == before)).Tags);

            // The draft's work is no one's business but the clerk's.
            var report = await db.Reports.Include(r => r.Organization).SingleAsync(r => r.Id == reportId);
            report.UpdateSections(new ReportSections("日志测试。", "无。", "无。"), DateTime.UtcNow);
            report.SignOff("测试签发人", DateTime.UtcNow);
            report.SubmitWithoutChecks(DateTime.UtcNow);
            report.Approve(DateTime.UtcNow);
            await db.SaveChangesAsync();
            Assert.Equal(before, await ContentChanges.LatestIdAsync(db));

            report.Publish(new DateOnly(2025, 3, 1), secrecyReviewConfirmed: true, Actor.System, DateTime.UtcNow);
            await db.SaveChangesAsync();
        }

        await using (var check = database.CreateContext())
        {
            var change = Assert.Single(await ContentChanges.ReadAfterAsync(check, before));
            var key = ContentTags.KeyOf(null, (await check.Reports.SingleAsync(r => r.Id == reportId)).OrganizationId);
            string[] expected =
            [
                ContentTags.Report(key, 2024), ContentTags.OrganizationReports(key),
                ContentTags.Subtree(key, 2024), ContentTags.Subtree(key),
                ContentTags.Subtree("350582", 2024), ContentTags.Subtree("350582"),
                ContentTags.Subtree("350500", 2024), ContentTags.Subtree("350500"),
                ContentTags.Subtree(ContentTags.Root, 2024), ContentTags.Subtree(ContentTags.Root),
                ContentTags.Lists,
            ];
            Assert.All(expected, tag => Assert.Contains(tag, change.TagList));
            // Nothing of another body, subtree or year.
            Assert.DoesNotContain(change.TagList, tag => tag.Contains("350505", StringComparison.Ordinal) || tag.Contains("2023", StringComparison.Ordinal));
            Assert.DoesNotContain(ContentTags.Subtree("350505", 2024), change.TagList);

            // Pruning never removes the latest change, so a follower always finds where it stands.
            Assert.True(await ContentChanges.PruneAsync(check, DateTime.UtcNow.AddMinutes(1)) > 0);
            Assert.Equal(change.Id, await ContentChanges.OldestIdAsync(check));
            Assert.Equal(change.Id, await ContentChanges.LatestIdAsync(check));
        }
    }
}
