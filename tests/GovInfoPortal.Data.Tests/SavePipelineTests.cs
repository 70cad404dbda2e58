using GovInfoPortal.Core.Domain;
using GovInfoPortal.Data.Audit;
using GovInfoPortal.Data.Caching;
using GovInfoPortal.Data.Fingerprints;
using GovInfoPortal.Data.Search;
using GovInfoPortal.Data.Statistics;
using GovInfoPortal.Data.Tests.Infrastructure;
using GovInfoPortal.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace GovInfoPortal.Data.Tests;

/// <summary>
/// The save pipeline of every context: all its steps, however the context is made, and each save's own state when
/// contexts save at the same time — on real SQLite and PostgreSQL.
/// </summary>
public class SavePipelineTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    private static readonly Actor Reviewer = new("pipeline-reviewer", "流水线审核员");

    [Theory, SqliteData, PostgresData]
    public async Task A_context_made_from_CreateOptions_runs_every_step_of_a_publication(TestProvider provider)
    {
        var database = await fixture.SharedAsync(provider);
        var options = GovInfoDatabase.CreateOptions(
            provider == TestProvider.Postgres ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite, database.ConnectionString);
        var unique = DatabaseFixture.Unique("pipe");
        Published published;
        await using (var db = new GovInfoDbContext(options))
        {
            Assert.Equal(
                [typeof(FingerprintStep), typeof(ReportSearchStep), typeof(AuditStep), typeof(ContentChangeStep), typeof(OrganizationTotalsStep)],
                db.SaveSteps.Select(s => s.GetType()));
            published = await ApprovedAsync(db, unique);
        }

        await using (var db = new GovInfoDbContext(options))
        {
            var report = await PublishAsync(db, published.ReportId);
            Assert.NotNull(report.Fingerprint);
            Assert.Null(db.Database.CurrentTransaction);
        }

        await AssertPublishedAsync(database, published, Actor.System);
    }

    [Theory, SqliteData, PostgresData]
    public async Task Two_contexts_saving_at_the_same_time_keep_their_own_save_state(TestProvider provider)
    {
        // Two databases, so that the first save's transaction (SQLite's one write lock) does not hold up the second.
        var first = await fixture.SharedAsync(provider);
        var second = await fixture.CreateAsync(provider);
        Actor firstActor = new("pipeline-first", "流水线甲"), secondActor = new("pipeline-second", "流水线乙");
        var firstObserved = new RecordingObserver();
        var secondObserved = new RecordingObserver();
        Published firstReport, secondReport;
        await using (var db = Context(first, firstActor, firstObserved))
        {
            firstReport = await ApprovedAsync(db, DatabaseFixture.Unique("pipa"));
        }

        await using (var db = Context(second, secondActor, secondObserved))
        {
            secondReport = await ApprovedAsync(db, DatabaseFixture.Unique("pipb"));
        }

        firstObserved.Tags.Clear();
        secondObserved.Tags.Clear();

        // The second publication is saved from start to end while the first save is between its steps' work before
        // the save (noted, transaction open) and after it.
        var duringFirstSave = new AtSavingChanges(async () =>
        {
            await using var db = Context(second, secondActor, secondObserved);
            await PublishAsync(db, secondReport.ReportId);
        });
        await using (var db = Context(first, firstActor, firstObserved, duringFirstSave))
        {
            await PublishAsync(db, firstReport.ReportId);
        }

        Assert.True(duringFirstSave.Ran);
        await AssertPublishedAsync(first, firstReport, firstActor);
        await AssertPublishedAsync(second, secondReport, secondActor);
        Assert.Contains(firstReport.Tag, firstObserved.Tags);
        Assert.DoesNotContain(secondReport.Tag, firstObserved.Tags);
        Assert.Contains(secondReport.Tag, secondObserved.Tags);
        Assert.DoesNotContain(firstReport.Tag, secondObserved.Tags);

        static GovInfoDbContext Context(TestDatabase database, Actor actor, RecordingObserver observer, params IInterceptor[] interceptors)
        {
            var services = new ServiceCollection()
                .AddSingleton<ICurrentActor>(new FixedActor(actor))
                .AddSingleton<IContentChangeObserver>(observer)
                .BuildServiceProvider();
            return new GovInfoDbContext(new DbContextOptionsBuilder<GovInfoDbContext>(database.Options)
                .UseApplicationServiceProvider(services).AddInterceptors(interceptors).Options);
        }
    }

    private sealed record Published(int ReportId, int OrganizationId, string Code)
    {
        /// <summary>The change-log tag of this report's page.</summary>
        public string Tag => ContentTags.Report(ContentTags.KeyOf(Code, OrganizationId), 2023);
    }

    /// <summary>A report of a new organization, filled in, submitted and approved.</summary>
    private static async Task<Published> ApprovedAsync(GovInfoDbContext db, string unique)
    {
        var organization = await TestData.AddOrganizationAsync(db, "街道" + unique, unique);
        var report = AnnualReport.Start(organization, 2023, TestData.Now);
        db.Reports.Add(report);
        await db.SaveChangesAsync();
        report.UpdateDraft(new ReportSections("（示例）总体情况。", null, null), ReportTable.Empty,
            ReportTable.Empty.With("granted", "naturalPerson", 2m), ReportTable.Empty, "张三", WarningExplanations.None, TestData.Now.AddMinutes(1));
        report.SubmitWithoutChecks(TestData.Now.AddMinutes(2));
        report.Approve(TestData.Now.AddMinutes(3));
        await db.SaveChangesAsync();
        return new Published(report.Id, organization.Id, unique);
    }

    /// <summary>Publishes the report in one save, loaded without its organization (the fingerprint step loads it).</summary>
    private static async Task<AnnualReport> PublishAsync(GovInfoDbContext db, int reportId)
    {
        var report = await db.Reports.Include(r => r.Corrections).SingleAsync(r => r.Id == reportId);
        Assert.False(db.Entry(report).Reference(r => r.Organization).IsLoaded);
        report.Publish(new DateOnly(2024, 3, 1), secrecyReviewConfirmed: true, Reviewer, TestData.Now.AddMinutes(4));
        await db.SaveChangesAsync();
        return report;
    }

    /// <summary>What every step wrote for the publication: fingerprint, search index, audit trail, change log, totals.</summary>
    private static async Task AssertPublishedAsync(TestDatabase database, Published published, Actor actor)
    {
        await using var db = database.CreateContext();
        Assert.NotNull(await db.Reports.Where(r => r.Id == published.ReportId).Select(r => r.Fingerprint).SingleAsync());

        var hits = await new ReportSearchQuery(db).SearchAsync(SearchTokens.ParseQuery(published.Code), null, null, 1, 20);
        Assert.Equal([published.ReportId], hits.ReportIds);

        var publication = await db.AuditEntries.Where(a => a.ReportId == published.ReportId && a.Action == ReportActions.Published).SingleAsync();
        Assert.Equal((actor.UserId, actor.Name), (publication.UserId, publication.UserName));
        Assert.Equal(published.OrganizationId, publication.OrganizationId);
        Assert.True((await new AuditChainVerifier(db).VerifyAsync()).Intact);

        var changes = await db.ContentChanges.AsNoTracking().ToListAsync();
        Assert.Contains(changes, c => c.TagList.Contains(published.Tag));

        var total = await db.OrganizationYearTotals.SingleAsync(t => t.OrganizationId == published.OrganizationId && t.Year == 2023);
        Assert.Equal(1, total.Reports);
    }

    private sealed class RecordingObserver : IContentChangeObserver
    {
        public List<string> Tags { get; } = [];

        public void Written(IReadOnlyList<string> tags)
        {
            lock (Tags)
            {
                Tags.AddRange(tags);
            }
        }
    }

    /// <summary>Runs some work once, the first time its context writes a save's changes.</summary>
    private sealed class AtSavingChanges(Func<Task> work) : SaveChangesInterceptor
    {
        private Func<Task>? _work = work;

        public bool Ran { get; private set; }

        public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
            CancellationToken cancellationToken = default)
        {
            if (Interlocked.Exchange(ref _work, null) is { } work)
            {
                await work();
                Ran = true;
            }

            return result;
        }
    }
}
