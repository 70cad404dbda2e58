using GovInfoPortal.Core.Domain;
using GovInfoPortal.Core.Formats;
using GovInfoPortal.Data.Audit;
using GovInfoPortal.Data.Tests.Infrastructure;
using GovInfoPortal.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GovInfoPortal.Data.Tests;

/// <summary>
/// The review workflow as stored: the audit trail written with every save (who, when, what, changed cells),
/// submission snapshots, corrections and their revisions, which never change — on real SQLite and PostgreSQL.
/// </summary>
public class ReviewAuditTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    private static readonly Actor Clerk = new("clerk-id", "西园填报员");
    private static readonly Actor Reviewer = new("reviewer-id", "晋江审核员");

    /// <summary>A context whose saves are made by <paramref name="actor"/>, as in a portal request of that user.</summary>
    private static GovInfoDbContext As(TestDatabase database, Actor actor)
    {
        var services = new ServiceCollection().AddSingleton<ICurrentActor>(new FixedActor(actor)).BuildServiceProvider();
        return new GovInfoDbContext(new DbContextOptionsBuilder<GovInfoDbContext>(database.Options).UseApplicationServiceProvider(services).Options);
    }

    private static Task<AnnualReport> LoadAsync(GovInfoDbContext db, int id) =>
        db.Reports.Include(r => r.Organization).ThenInclude(o => o.Parent)
            .Include(r => r.Corrections.Where(c => c.Status != ReportStatus.Published))
            .SingleAsync(r => r.Id == id);

    private static async Task<int> StartAsync(TestDatabase database, string unique)
    {
        await using var db = As(database, Clerk);
        var organization = await TestData.AddOrganizationAsync(db, "街道" + unique, unique);
        var report = AnnualReport.Start(organization, 2023, TestData.Now);
        db.Reports.Add(report);
        await db.SaveChangesAsync();
        return report.Id;
    }

    private static async Task<IReadOnlyList<AuditEntry>> TrailAsync(TestDatabase database, int reportId)
    {
        await using var db = database.CreateContext();
        return await db.AuditEntries.Where(a => a.ReportId == reportId).OrderBy(a => a.Id).ToListAsync();
    }

    [Theory, SqliteData, PostgresData]
    public async Task Every_content_change_and_step_is_audited_with_its_actor_and_cells(TestProvider provider)
    {
        var database = await fixture.SharedAsync(provider);
        var id = await StartAsync(database, DatabaseFixture.Unique("audit"));

        await using (var db = As(database, Clerk))
        {
            var report = await LoadAsync(db, id);
            report.UpdateDraft(new ReportSections("（示例）总体情况。", null, null), ReportTable.Empty,
                ReportTable.Empty.With("granted", "naturalPerson", 2m), ReportTable.Empty, "张三", WarningExplanations.None, TestData.Now.AddMinutes(1));
            await db.SaveChangesAsync();
            report.SubmitWithoutChecks(TestData.Now.AddMinutes(2));
            await db.SaveChangesAsync();
        }

        await using (var db = As(database, Reviewer))
        {
            var report = await LoadAsync(db, id);
            report.Return(ReportParts.Applications, "请核对予以公开的数量。", Reviewer, TestData.Now.AddMinutes(3));
            await db.SaveChangesAsync();
        }

        await using (var db = As(database, Clerk))
        {
            var report = await LoadAsync(db, id);
            report.UpdateTable(TableCodes.Applications, report.Applications.With("granted", "naturalPerson", 3m), TestData.Now.AddMinutes(4));
            report.SubmitWithoutChecks(TestData.Now.AddMinutes(5));
            await db.SaveChangesAsync();
        }

        var trail = await TrailAsync(database, id);
        Assert.Equal(
            [
                (ReportActions.Started, "西园填报员"), (ReportActions.ContentChanged, "西园填报员"), (ReportActions.Submitted, "西园填报员"),
                (ReportActions.Returned, "晋江审核员"), (ReportActions.ContentChanged, "西园填报员"), (ReportActions.Submitted, "西园填报员"),
            ],
            trail.Select(a => (a.Action, a.UserName)));
        Assert.All(trail, a => Assert.Null(a.CorrectionId));
        Assert.Equal("reviewer-id", trail[3].UserId);
        Assert.Equal(TestData.Now.AddMinutes(3), trail[3].At);
        Assert.Equal(DateTimeKind.Utc, trail[3].At.Kind);
        Assert.Equal("退回报告（三、收到和处理政府信息公开申请情况）：请核对予以公开的数量。", trail[3].Description);
        Assert.Equal("修改报告内容：一、总体情况；表三 1 处；签发人", trail[1].Description);
        Assert.Equal(
            [("overview", null, "（示例）总体情况。"), ("applications", null, "2"), ("signedBy", null, "张三")],
            trail[1].ChangeList().Select(c => (c.Part, c.Before, c.After)));
        var changed = Assert.Single(trail[4].ChangeList());
        Assert.Equal(("granted", "naturalPerson", "2", "3"), (changed.Row, changed.Column, changed.Before, changed.After));
        Assert.Equal("表三（一）予以公开·自然人", changed.Label);

        await using (var db = database.CreateContext())
        {
            var submissions = await db.ReportSubmissions.Where(s => s.ReportId == id).OrderBy(s => s.Number).ToListAsync();
            Assert.Equal([1, 2], submissions.Select(s => s.Number));
            Assert.Equal(2m, submissions[0].Document().Applications["granted", "naturalPerson"]);
            Assert.Equal(3m, submissions[1].Document().Applications["granted", "naturalPerson"]);
            Assert.Equal("张三", submissions[1].Document().SignedBy);
            Assert.Equal("西园填报员", submissions[1].SubmittedByName);
            var comment = await db.ReviewComments.SingleAsync(c => c.ReportId == id);
            Assert.True(comment.WithReturn);
            Assert.Equal("晋江审核员", comment.AuthorName);
        }
    }

    [Theory, SqliteData, PostgresData]
    public async Task A_failed_save_leaves_no_audit_entry(TestProvider provider)
    {
        var database = await fixture.SharedAsync(provider);
        var id = await StartAsync(database, DatabaseFixture.Unique("race"));

        await using (var first = As(database, Clerk))
        await using (var second = As(database, Clerk))
        {
            var mine = await LoadAsync(first, id);
            var theirs = await LoadAsync(second, id);
            mine.UpdateSections(new ReportSections("先保存的内容。", null, null), TestData.Now);
            await first.SaveChangesAsync();

            theirs.UpdateSections(new ReportSections("后保存的内容。", null, null), TestData.Now);
            await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());
        }

        var trail = await TrailAsync(database, id);
        Assert.Equal([ReportActions.Started, ReportActions.ContentChanged], trail.Select(a => a.Action));
        Assert.Equal("先保存的内容。", Assert.Single(trail[1].ChangeList()).After);
    }

    [Theory, SqliteData, PostgresData]
    public async Task A_correction_is_reviewed_and_published_as_a_new_revision_and_the_old_one_stays(TestProvider provider)
    {
        var database = await fixture.SharedAsync(provider);
        var id = await StartAsync(database, DatabaseFixture.Unique("corr"));
        await using (var db = As(database, Clerk))
        {
            var report = await LoadAsync(db, id);
            report.UpdateDraft(new ReportSections("（示例）总体情况。", "无。", "无。"), ReportTable.Empty,
                ReportTable.Empty.With("granted", "naturalPerson", 2m), ReportTable.Empty, "张三", WarningExplanations.None, TestData.Now);
            report.SubmitWithoutChecks(TestData.Now);
            await db.SaveChangesAsync();
        }

        await using (var db = As(database, Reviewer))
        {
            var report = await LoadAsync(db, id);
            report.Approve(TestData.Now);
            report.Publish(new DateOnly(2024, 1, 20), secrecyReviewConfirmed: true, Reviewer, TestData.Now);
            await db.SaveChangesAsync();
            report.OpenCorrection("表三予以公开数量填报有误", Reviewer, TestData.Now.AddDays(10));
            await db.SaveChangesAsync();
        }

        int correctionId;
        await using (var db = As(database, Clerk))
        {
            var report = await LoadAsync(db, id);
            var correction = Assert.IsType<ReportCorrection>(report.UnderReview);
            correctionId = correction.Id;
            correction.UpdateTable(TableCodes.Applications, correction.Applications.With("granted", "naturalPerson", 7m), TestData.Now.AddDays(11));
            correction.SubmitWithoutChecks(TestData.Now.AddDays(11));
            await db.SaveChangesAsync();
        }

        await using (var db = database.CreateContext())
        {
            var report = await db.Reports.SingleAsync(r => r.Id == id);
            Assert.Equal(ReportStatus.Published, report.Status);
            Assert.Equal(2m, report.Applications["granted", "naturalPerson"]);
        }

        await using (var db = As(database, Reviewer))
        {
            var report = await LoadAsync(db, id);
            report.Approve(TestData.Now.AddDays(12));
            report.Publish(new DateOnly(2024, 2, 5), secrecyReviewConfirmed: true, Reviewer, TestData.Now.AddDays(12));
            await db.SaveChangesAsync();
        }

        await using (var db = database.CreateContext())
        {
            var report = await db.Reports.Include(r => r.Revisions).Include(r => r.Corrections).SingleAsync(r => r.Id == id);
            Assert.Equal(7m, report.Applications["granted", "naturalPerson"]);
            Assert.Equal(new DateOnly(2024, 2, 5), report.PublishedOn);
            Assert.Equal(2, report.RevisionNumber);
            Assert.Null(report.CurrentCorrection);
            Assert.Equal("晋江审核员", report.SecrecyReviewedBy);
            var revision = Assert.Single(report.Revisions);
            Assert.Equal((1, new DateOnly(2024, 1, 20), new DateOnly(2024, 2, 5), "表三予以公开数量填报有误", correctionId),
                (revision.Number, revision.PublishedOn, revision.SupersededOn, revision.SupersededReason, revision.SupersededById));
            Assert.Equal(2m, revision.Document().Applications["granted", "naturalPerson"]);
            Assert.Equal("张三", revision.Document().SignedBy);
            Assert.Equal(ReportStatus.Published, Assert.Single(report.Corrections).Status);
        }

        var trail = await TrailAsync(database, id);
        Assert.Equal(
            [
                ReportActions.Started, ReportActions.ContentChanged, ReportActions.Submitted, ReportActions.Approved, ReportActions.Published,
                ReportActions.CorrectionOpened, ReportActions.ContentChanged, ReportActions.Submitted, ReportActions.Approved, ReportActions.Published,
            ],
            trail.Select(a => a.Action));
        Assert.Equal([null, null, null, null, null, correctionId, correctionId, correctionId, correctionId, correctionId], trail.Select(a => a.CorrectionId));
        Assert.Equal("修改更正稿内容：表三 1 处", trail[6].Description);
        var published = trail[^1];
        Assert.StartsWith("发布第 1 次更正", published.Description);
        Assert.Equal(("2", "7"), (Assert.Single(published.ChangeList()).Before, published.ChangeList()[0].After));

        await using (var db = database.CreateContext())
        {
            Assert.Equal(1, await db.ReportSubmissions.CountAsync(s => s.CorrectionId == correctionId));
        }
    }

    [Theory, SqliteData, PostgresData]
    public async Task Revisions_and_audit_entries_are_never_changed_nor_deleted(TestProvider provider)
    {
        var database = await fixture.SharedAsync(provider);
        var id = await StartAsync(database, DatabaseFixture.Unique("immut"));
        await using (var db = As(database, Reviewer))
        {
            var report = await LoadAsync(db, id);
            report.SignOff("张三", TestData.Now);
            report.SubmitWithoutChecks(TestData.Now);
            report.Approve(TestData.Now);
            report.Publish(new DateOnly(2024, 1, 20), secrecyReviewConfirmed: true, Reviewer, TestData.Now);
            var correction = report.OpenCorrection("更正", Reviewer, TestData.Now);
            await db.SaveChangesAsync();
            correction.SubmitWithoutChecks(TestData.Now);
            report.Approve(TestData.Now);
            report.Publish(new DateOnly(2024, 2, 1), secrecyReviewConfirmed: true, Reviewer, TestData.Now);
            await db.SaveChangesAsync();
        }

        await using (var db = database.CreateContext())
        {
            var revision = await db.ReportRevisions.SingleAsync(v => v.ReportId == id);
            db.Entry(revision).Property(v => v.Content).CurrentValue = "{}";
            await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        }

        await using (var db = database.CreateContext())
        {
            db.ReportRevisions.Remove(await db.ReportRevisions.SingleAsync(v => v.ReportId == id));
            await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        }

        await using (var db = database.CreateContext())
        {
            db.AuditEntries.Remove(await db.AuditEntries.FirstAsync(a => a.ReportId == id));
            await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        }

        await using (var db = database.CreateContext())
        {
            var entry = await db.AuditEntries.FirstAsync(a => a.ReportId == id);
            db.Entry(entry).Property(a => a.Description).CurrentValue = "改写";
            await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        }

        await using (var db = database.CreateContext())
        {
            var revision = await db.ReportRevisions.SingleAsync(v => v.ReportId == id);
            Assert.NotEqual("{}", revision.Content);
            Assert.Equal(9, await db.AuditEntries.CountAsync(a => a.ReportId == id));
        }
    }
}
