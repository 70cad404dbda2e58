using GovInfoPortal.Core.Domain;
using GovInfoPortal.Data.Accounts;
using GovInfoPortal.Data.Exports;
using GovInfoPortal.Data.Tests.Infrastructure;
using GovInfoPortal.Testing;
using Microsoft.EntityFrameworkCore;

namespace GovInfoPortal.Data.Tests;

/// <summary>
/// The export queue as several portal instances share it: each instance has its own context and connection,
/// and the database alone decides which one holds a job.
/// </summary>
public sealed class ExportJobQueueTests(DatabaseFixture databases) : IClassFixture<DatabaseFixture>
{
    private static readonly TimeSpan StaleAfter = TimeSpan.FromMinutes(2);
    private const int MaxAttempts = 3;

    private static async Task<int> QueueJobAsync(TestDatabase database)
    {
        await using var db = database.CreateContext();
        var unique = DatabaseFixture.Unique("q");
        var user = new PortalUser { UserName = unique, NormalizedUserName = unique.ToUpperInvariant(), DisplayName = unique };
        db.Users.Add(user);
        var organization = await TestData.AddOrganizationAsync(db, $"导出测试{unique}", unique, OrganizationKind.PeoplesGovernment);
        var (job, created) = await new ExportJobQueue(db, TimeProvider.System).EnqueueAsync(user.Id, organization.Id, 2023);
        Assert.True(created);
        return job.Id;
    }

    private static async Task<ExportJob> LoadAsync(TestDatabase database, int id)
    {
        await using var db = database.CreateContext();
        return await db.ExportJobs.AsNoTracking().SingleAsync(j => j.Id == id);
    }

    /// <summary>Makes a claim look abandoned: its instance stopped beating its heart ten minutes ago.</summary>
    private static async Task BackdateHeartbeatAsync(TestDatabase database, int id)
    {
        await using var db = database.CreateContext();
        var old = DateTime.UtcNow.AddMinutes(-10);
        await db.ExportJobs.Where(j => j.Id == id).ExecuteUpdateAsync(set => set.SetProperty(j => j.HeartbeatAt, old));
    }

    private static async Task<ExportClaim?> ClaimAsync(TestDatabase database, int id, string instance)
    {
        await using var db = database.CreateContext();
        return await new ExportJobQueue(db, TimeProvider.System).TryClaimAsync(id, instance, StaleAfter, MaxAttempts);
    }

    [Theory]
    [SqliteData]
    [PostgresData]
    public async Task Exactly_one_of_several_instances_claiming_a_job_at_once_gets_it(TestProvider provider)
    {
        var database = await databases.SharedAsync(provider);
        var id = await QueueJobAsync(database);
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var claiming = Enumerable.Range(1, 6).Select(n => Task.Run(async () =>
        {
            await start.Task;
            return await ClaimAsync(database, id, $"instance-{n}");
        })).ToList();

        start.SetResult();
        var claims = await Task.WhenAll(claiming);

        var winner = Assert.Single(claims, c => c is not null)!;
        var job = await LoadAsync(database, id);
        Assert.Equal(ExportJobStatus.Running, job.Status);
        Assert.Equal(1, job.Attempts);
        Assert.Equal(winner.Token, job.ClaimToken);
        Assert.StartsWith("instance-", job.ClaimedBy, StringComparison.Ordinal);
    }

    [Theory]
    [SqliteData]
    [PostgresData]
    public async Task A_claim_whose_heartbeat_is_fresh_is_not_taken_over(TestProvider provider)
    {
        var database = await databases.SharedAsync(provider);
        var id = await QueueJobAsync(database);

        var first = await ClaimAsync(database, id, "first");
        var second = await ClaimAsync(database, id, "second");

        Assert.NotNull(first);
        Assert.Null(second);
        Assert.Equal("first", (await LoadAsync(database, id)).ClaimedBy);
    }

    [Theory]
    [SqliteData]
    [PostgresData]
    public async Task A_stale_claim_is_claimed_again_and_the_crashed_instance_can_change_nothing(TestProvider provider)
    {
        var database = await databases.SharedAsync(provider);
        var id = await QueueJobAsync(database);
        var crashed = await ClaimAsync(database, id, "crashed");
        await using (var db = database.CreateContext())
        {
            Assert.True(await new ExportJobQueue(db, TimeProvider.System).ReportProgressAsync(crashed!, 3, 10));
        }

        await BackdateHeartbeatAsync(database, id);
        var reclaimed = await ClaimAsync(database, id, "successor");

        Assert.NotNull(reclaimed);
        Assert.Equal(2, reclaimed.Attempt);
        await using (var db = database.CreateContext())
        {
            var queue = new ExportJobQueue(db, TimeProvider.System);
            Assert.False(await queue.ReportProgressAsync(crashed!, 9, 10));
            Assert.False(await queue.CompleteAsync(crashed!, "stale.zip", 1));
            Assert.False(await queue.FailAsync(crashed!, "late"));
            Assert.True(await queue.ReportProgressAsync(reclaimed, 1, 4));
            Assert.True(await queue.CompleteAsync(reclaimed, "export.zip", 1234));
        }

        var job = await LoadAsync(database, id);
        Assert.Equal((ExportJobStatus.Completed, 4, 4, 2, "successor", "export.zip", 1234L),
            (job.Status, job.Done, job.Total, job.Attempts, job.ClaimedBy, job.ResultFile, job.ResultSize));
        Assert.Equal(100, job.Percent);
        Assert.NotNull(job.FinishedAt);
    }

    [Theory]
    [SqliteData]
    [PostgresData]
    public async Task A_job_abandoned_as_often_as_allowed_fails_instead_of_being_claimed_again(TestProvider provider)
    {
        var database = await databases.SharedAsync(provider);
        var id = await QueueJobAsync(database);
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            Assert.NotNull(await ClaimAsync(database, id, $"crashing-{attempt}"));
            await BackdateHeartbeatAsync(database, id);
        }

        Assert.Null(await ClaimAsync(database, id, "another"));
        await using (var db = database.CreateContext())
        {
            Assert.True(await new ExportJobQueue(db, TimeProvider.System).FailAbandonedAsync(StaleAfter, MaxAttempts, "多次生成均未能完成") >= 1);
        }

        var job = await LoadAsync(database, id);
        Assert.Equal((ExportJobStatus.Failed, "多次生成均未能完成"), (job.Status, job.Error));
    }

    [Theory]
    [SqliteData]
    [PostgresData]
    public async Task A_job_released_on_shutdown_is_queued_again_and_the_same_request_is_not_queued_twice(TestProvider provider)
    {
        var database = await databases.SharedAsync(provider);
        var id = await QueueJobAsync(database);
        var claim = await ClaimAsync(database, id, "stopping");
        await using (var db = database.CreateContext())
        {
            Assert.True(await new ExportJobQueue(db, TimeProvider.System).ReleaseAsync(claim!));
        }

        Assert.Equal(ExportJobStatus.Queued, (await LoadAsync(database, id)).Status);
        var next = await ClaimAsync(database, id, "next");
        Assert.Equal(2, next!.Attempt);

        await using (var db = database.CreateContext())
        {
            var job = await db.ExportJobs.AsNoTracking().SingleAsync(j => j.Id == id);
            var (again, created) = await new ExportJobQueue(db, TimeProvider.System).EnqueueAsync(job.RequestedById, job.ScopeOrganizationId, job.Year);
            Assert.False(created);
            Assert.Equal(id, again.Id);
        }
    }
}
