using System.IO.Compression;
using GovInfoPortal.Data.Accounts;
using GovInfoPortal.Data.Exports;
using GovInfoPortal.Testing;
using GovInfoPortal.Web.Exports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GovInfoPortal.Web.Tests.Review;

/// <summary>
/// The background ZIP export on real databases: built by exactly one of two portal instances on the same
/// database, with progress up to the total, one PDF per published report under its download name, and taken
/// up again after the instance that held it died. Each test has a database of its own, so that no other
/// test's jobs are in its queue.
/// </summary>
public sealed class ExportWorkerTests(DatabaseFixture databases) : IClassFixture<DatabaseFixture>
{
    /// <summary>Generous: the jobs hold a few PDFs each; this only stops a broken test from hanging.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    private static async Task<string> UserAsync(ReviewPortal portal, ReviewSubtree tree)
    {
        var userName = ReviewPortal.CityReviewer(tree);
        await portal.CreateUserAsync(userName, PortalRoles.Reviewer, tree.City);
        await using var db = portal.Database.CreateContext();
        return await db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync();
    }

    private static async Task<int> EnqueueAsync(ReviewPortal portal, string userId, int organizationId, int year)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var (job, _) = await scope.ServiceProvider.GetRequiredService<ExportJobQueue>().EnqueueAsync(userId, organizationId, year);
        return job.Id;
    }

    private static async Task<ExportJob> LoadAsync(TestDatabase database, int id)
    {
        await using var db = database.CreateContext();
        return await db.ExportJobs.AsNoTracking().SingleAsync(j => j.Id == id);
    }

    internal static async Task<ExportJob> FinishedAsync(TestDatabase database, int id)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            var job = await LoadAsync(database, id);
            if (!job.Status.IsActive())
            {
                return job;
            }

            Assert.True(DateTime.UtcNow < deadline, $"Export job {id} still {job.Status} after {Patience}.");
            await Task.Delay(100);
        }
    }

    private static string[] EntriesOf(string path)
    {
        using var zip = ZipFile.OpenRead(path);
        foreach (var entry in zip.Entries)
        {
            using var stream = entry.Open();
            var header = new byte[5];
            stream.ReadExactly(header);
            Assert.Equal("%PDF-"u8.ToArray(), header);
        }

        return [.. zip.Entries.Select(e => e.FullName).Order(StringComparer.Ordinal)];
    }

    private static string[] Expected2023 =>
    [
        "乙区2023年政府信息公开工作年度报告.pdf",
        "甲区2023年政府信息公开工作年度报告.pdf",
        "甲区某街道2023年政府信息公开工作年度报告.pdf",
    ];

    [Theory]
    [SqliteData]
    [PostgresData]
    public async Task The_zip_holds_one_pdf_per_published_report_under_its_download_name_and_progress_reaches_the_total(TestProvider provider)
    {
        var database = await databases.CreateAsync(provider);
        var tree = await ReviewTestData.SeedAsync(database);
        await using var portal = new ReviewPortal(database, runWorker: false);
        var user = await UserAsync(portal, tree);
        var id = await EnqueueAsync(portal, user, tree.City, 2023);
        var worker = portal.Services.GetRequiredService<ExportWorker>();

        Assert.True(await worker.RunOnceAsync(CancellationToken.None));
        Assert.False(await worker.RunOnceAsync(CancellationToken.None));

        var job = await LoadAsync(database, id);
        Assert.Equal((ExportJobStatus.Completed, 3, 3, 100, 1), (job.Status, job.Done, job.Total, job.Percent, job.Attempts));
        Assert.Equal(worker.InstanceId, job.ClaimedBy);
        var path = Path.Combine(portal.StoragePath, job.ResultFile!);
        Assert.Equal(new FileInfo(path).Length, job.ResultSize);
        Assert.Equal(Expected2023, EntriesOf(path));
        Assert.Empty(Directory.GetFiles(portal.StoragePath, "*.part"));
    }

    [Theory]
    [SqliteData]
    [PostgresData]
    public async Task Two_instances_on_one_database_build_each_job_exactly_once(TestProvider provider)
    {
        var database = await databases.CreateAsync(provider);
        var tree = await ReviewTestData.SeedAsync(database);
        await using var first = new ReviewPortal(database, runWorker: false);
        await using var second = new ReviewPortal(database, runWorker: false);
        var user = await UserAsync(first, tree);
        int[] jobs =
        [
            await EnqueueAsync(first, user, tree.City, 2023),
            await EnqueueAsync(first, user, tree.DistrictA, 2023),
            await EnqueueAsync(first, user, tree.City, 2020),
            await EnqueueAsync(first, user, tree.DistrictB, 2020),
        ];
        var workers = new[] { first, second }.Select(p => p.Services.GetRequiredService<ExportWorker>()).ToList();
        Assert.NotEqual(workers[0].InstanceId, workers[1].InstanceId);

        // Both instances poll the same queue at the same moments until it is empty.
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var built = workers.Select(worker => Task.Run(async () =>
        {
            await start.Task;
            var count = 0;
            while (await worker.RunOnceAsync(CancellationToken.None))
            {
                count++;
            }

            return count;
        })).ToList();
        start.SetResult();
        var counts = await Task.WhenAll(built);

        Assert.Equal(jobs.Length, counts.Sum());
        foreach (var id in jobs)
        {
            var job = await LoadAsync(database, id);
            Assert.Equal((ExportJobStatus.Completed, 1), (job.Status, job.Attempts));
            Assert.Contains(job.ClaimedBy, workers.Select(w => w.InstanceId));
        }

        var folders = new[] { first.StoragePath, second.StoragePath };
        string PathOf(ExportJob job) => folders.Select(f => Path.Combine(f, job.ResultFile!)).Single(File.Exists);
        Assert.Equal(Expected2023, EntriesOf(PathOf(await LoadAsync(database, jobs[0]))));
        Assert.Equal(["甲区2023年政府信息公开工作年度报告.pdf", "甲区某街道2023年政府信息公开工作年度报告.pdf"], EntriesOf(PathOf(await LoadAsync(database, jobs[1]))));
        Assert.Equal(["乙区2020年政府信息公开工作年度报告.pdf", "甲区2020年政府信息公开工作年度报告.pdf"], EntriesOf(PathOf(await LoadAsync(database, jobs[2]))));
    }

    [Theory]
    [SqliteData]
    [PostgresData]
    public async Task A_job_left_running_by_an_instance_that_died_is_built_by_another_after_the_heartbeat_goes_stale(TestProvider provider)
    {
        var database = await databases.CreateAsync(provider);
        var tree = await ReviewTestData.SeedAsync(database);
        await using var portal = new ReviewPortal(database, runWorker: false);
        var user = await UserAsync(portal, tree);
        var id = await EnqueueAsync(portal, user, tree.City, 2023);
        var worker = portal.Services.GetRequiredService<ExportWorker>();

        // An instance claims the job, writes some progress and dies: the job stays Running under its claim.
        await using (var db = database.CreateContext())
        {
            var queue = new ExportJobQueue(db, TimeProvider.System);
            var crashed = await queue.TryClaimAsync(id, "crashed-instance", TimeSpan.FromMinutes(2), 3);
            Assert.True(await queue.ReportProgressAsync(crashed!, 1, 3));
        }

        Assert.False(await worker.RunOnceAsync(CancellationToken.None)); // its heartbeat is fresh: not taken over
        await using (var db = database.CreateContext())
        {
            var old = DateTime.UtcNow.AddMinutes(-5);
            await db.ExportJobs.Where(j => j.Id == id).ExecuteUpdateAsync(set => set.SetProperty(j => j.HeartbeatAt, old));
        }

        Assert.True(await worker.RunOnceAsync(CancellationToken.None));

        var job = await LoadAsync(database, id);
        Assert.Equal((ExportJobStatus.Completed, 3, 3, 2, worker.InstanceId), (job.Status, job.Done, job.Total, job.Attempts, job.ClaimedBy));
        Assert.Equal(Expected2023, EntriesOf(Path.Combine(portal.StoragePath, job.ResultFile!)));
    }

    [Theory]
    [SqliteData]
    public async Task The_worker_of_a_running_portal_builds_a_queued_job_and_survives_a_restart(TestProvider provider)
    {
        var database = await databases.CreateAsync(provider);
        var tree = await ReviewTestData.SeedAsync(database);
        int id;
        await using (var stopped = new ReviewPortal(database, runWorker: false))
        {
            // Queued while no instance builds exports (all of them down, or restarting).
            id = await EnqueueAsync(stopped, await UserAsync(stopped, tree), tree.DistrictB, 2023);
        }

        Assert.Equal(ExportJobStatus.Queued, (await LoadAsync(database, id)).Status);
        await using var restarted = new ReviewPortal(database, runWorker: true);
        _ = restarted.Server; // starts the host and its worker

        var job = await FinishedAsync(database, id);
        Assert.Equal(ExportJobStatus.Completed, job.Status);
        Assert.Equal(["乙区2023年政府信息公开工作年度报告.pdf"], EntriesOf(Path.Combine(restarted.StoragePath, job.ResultFile!)));
    }
}
