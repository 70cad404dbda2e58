using Microsoft.EntityFrameworkCore;

namespace GovInfoPortal.Data.Exports;

/// <summary>A worker's hold on a job: the job, and the token of this claim that every later update names.</summary>
public sealed record ExportClaim(int JobId, string Token, int ScopeOrganizationId, int Year, int Attempt);

/// <summary>
/// The export jobs as a queue shared by every instance of the portal through the database. Claiming,
/// progress, completion and failure are single conditional <c>UPDATE</c> statements: of two instances that
/// try to claim the same job, the database lets exactly one update the row (the other's condition no longer
/// holds once the first has committed), and an instance whose claim was taken over updates nothing.
/// </summary>
public sealed class ExportJobQueue(GovInfoDbContext db, TimeProvider time)
{
    /// <summary>How many claimable jobs one poll looks at before giving up (the others are taken meanwhile).</summary>
    private const int Candidates = 10;

    private DateTime UtcNow => time.GetUtcNow().UtcDateTime;

    /// <summary>
    /// Queues an export for the user, unless the same user already has one queued or running for the same
    /// subtree and year: then that one is returned (<c>Created</c> false).
    /// </summary>
    public async Task<(ExportJob Job, bool Created)> EnqueueAsync(string userId, int scopeOrganizationId, int year, CancellationToken cancellationToken = default)
    {
        var active = await db.ExportJobs
            .Where(j => j.RequestedById == userId && j.ScopeOrganizationId == scopeOrganizationId && j.Year == year &&
                (j.Status == ExportJobStatus.Queued || j.Status == ExportJobStatus.Running))
            .OrderByDescending(j => j.Id)
            .FirstOrDefaultAsync(cancellationToken);
        if (active is not null)
        {
            return (active, false);
        }

        var job = ExportJob.Request(userId, scopeOrganizationId, year, UtcNow);
        db.ExportJobs.Add(job);
        await db.SaveChangesAsync(cancellationToken);
        return (job, true);
    }

    /// <summary>The user's own jobs, newest first, with their subtree's organization.</summary>
    public async Task<IReadOnlyList<ExportJob>> ForUserAsync(string userId, int take, CancellationToken cancellationToken = default) =>
        await db.ExportJobs.AsNoTracking()
            .Include(j => j.ScopeOrganization).ThenInclude(o => o!.Parent)
            .Where(j => j.RequestedById == userId)
            .OrderByDescending(j => j.CreatedAt).ThenByDescending(j => j.Id)
            .Take(take)
            .ToListAsync(cancellationToken);

    public Task<ExportJob?> FindAsync(int id, CancellationToken cancellationToken = default) =>
        db.ExportJobs.AsNoTracking()
            .Include(j => j.ScopeOrganization).ThenInclude(o => o!.Parent)
            .FirstOrDefaultAsync(j => j.Id == id, cancellationToken);

    /// <summary>
    /// Claims the oldest job that is queued, or running under a claim whose heartbeat is older than
    /// <paramref name="staleAfter"/> (its instance died) and that has not yet been tried
    /// <paramref name="maxAttempts"/> times. Null when there is none, or other instances took them all first.
    /// </summary>
    public async Task<ExportClaim?> ClaimNextAsync(string instance, TimeSpan staleAfter, int maxAttempts, CancellationToken cancellationToken = default)
    {
        var staleBefore = UtcNow - staleAfter;
        var candidates = await db.ExportJobs.AsNoTracking()
            .Where(j => j.Status == ExportJobStatus.Queued ||
                (j.Status == ExportJobStatus.Running && j.HeartbeatAt < staleBefore && j.Attempts < maxAttempts))
            .OrderBy(j => j.CreatedAt).ThenBy(j => j.Id)
            .Select(j => j.Id)
            .Take(Candidates)
            .ToListAsync(cancellationToken);
        foreach (var id in candidates)
        {
            if (await TryClaimAsync(id, instance, staleAfter, maxAttempts, cancellationToken) is { } claim)
            {
                return claim;
            }
        }

        return null;
    }

    /// <summary>Claims one job if it is still claimable; the one statement that decides between instances.</summary>
    public async Task<ExportClaim?> TryClaimAsync(int jobId, string instance, TimeSpan staleAfter, int maxAttempts, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(instance);
        var now = UtcNow;
        var staleBefore = now - staleAfter;
        var token = Guid.NewGuid().ToString("N");
        var claimedBy = instance.Length > ExportJob.InstanceMaxLength ? instance[..ExportJob.InstanceMaxLength] : instance;
        var claimed = await db.ExportJobs
            .Where(j => j.Id == jobId && (j.Status == ExportJobStatus.Queued ||
                (j.Status == ExportJobStatus.Running && j.HeartbeatAt < staleBefore && j.Attempts < maxAttempts)))
            .ExecuteUpdateAsync(set => set
                .SetProperty(j => j.Status, ExportJobStatus.Running)
                .SetProperty(j => j.ClaimedBy, claimedBy)
                .SetProperty(j => j.ClaimToken, token)
                .SetProperty(j => j.Attempts, j => j.Attempts + 1)
                .SetProperty(j => j.ClaimedAt, now)
                .SetProperty(j => j.HeartbeatAt, now)
                .SetProperty(j => j.Done, 0)
                .SetProperty(j => j.Total, 0)
                .SetProperty(j => j.Error, (string?)null), cancellationToken);
        if (claimed == 0)
        {
            return null;
        }

        return await db.ExportJobs.AsNoTracking()
            .Where(j => j.Id == jobId && j.ClaimToken == token)
            .Select(j => new ExportClaim(j.Id, token, j.ScopeOrganizationId, j.Year, j.Attempts))
            .FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>Records progress and beats the claim's heart. False when the claim was lost (stop working on it).</summary>
    public async Task<bool> ReportProgressAsync(ExportClaim claim, int done, int total, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(claim);
        var now = UtcNow;
        return await Held(claim).ExecuteUpdateAsync(set => set
            .SetProperty(j => j.Done, done)
            .SetProperty(j => j.Total, total)
            .SetProperty(j => j.HeartbeatAt, now), cancellationToken) == 1;
    }

    /// <summary>Marks the job completed with its file. False when the claim was lost meanwhile.</summary>
    public async Task<bool> CompleteAsync(ExportClaim claim, string resultFile, long size, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(claim);
        ArgumentException.ThrowIfNullOrEmpty(resultFile);
        var now = UtcNow;
        return await Held(claim).ExecuteUpdateAsync(set => set
            .SetProperty(j => j.Status, ExportJobStatus.Completed)
            .SetProperty(j => j.Done, j => j.Total)
            .SetProperty(j => j.ResultFile, resultFile)
            .SetProperty(j => j.ResultSize, size)
            .SetProperty(j => j.HeartbeatAt, now)
            .SetProperty(j => j.FinishedAt, now), cancellationToken) == 1;
    }

    /// <summary>Marks the job failed with a message for the requester. False when the claim was lost meanwhile.</summary>
    public async Task<bool> FailAsync(ExportClaim claim, string error, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(claim);
        var message = Truncate(error);
        var now = UtcNow;
        return await Held(claim).ExecuteUpdateAsync(set => set
            .SetProperty(j => j.Status, ExportJobStatus.Failed)
            .SetProperty(j => j.Error, message)
            .SetProperty(j => j.FinishedAt, now), cancellationToken) == 1;
    }

    /// <summary>Gives the job back to the queue (this instance is shutting down), so another one starts on it at once.</summary>
    public async Task<bool> ReleaseAsync(ExportClaim claim, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(claim);
        return await Held(claim).ExecuteUpdateAsync(set => set
            .SetProperty(j => j.Status, ExportJobStatus.Queued)
            .SetProperty(j => j.ClaimToken, (string?)null)
            .SetProperty(j => j.HeartbeatAt, (DateTime?)null), cancellationToken) == 1;
    }

    /// <summary>
    /// Fails the running jobs whose heartbeat went stale after <paramref name="maxAttempts"/> claims: each
    /// instance that took them up died on them, so a further try would most likely end the same way.
    /// </summary>
    public Task<int> FailAbandonedAsync(TimeSpan staleAfter, int maxAttempts, string error, CancellationToken cancellationToken = default)
    {
        var now = UtcNow;
        var staleBefore = now - staleAfter;
        var message = Truncate(error);
        return db.ExportJobs
            .Where(j => j.Status == ExportJobStatus.Running && j.HeartbeatAt < staleBefore && j.Attempts >= maxAttempts)
            .ExecuteUpdateAsync(set => set
                .SetProperty(j => j.Status, ExportJobStatus.Failed)
                .SetProperty(j => j.Error, message)
                .SetProperty(j => j.FinishedAt, now), cancellationToken);
    }

    private IQueryable<ExportJob> Held(ExportClaim claim) =>
        db.ExportJobs.Where(j => j.Id == claim.JobId && j.Status == ExportJobStatus.Running && j.ClaimToken == claim.Token);

    private static string Truncate(string text) => text.Length > ExportJob.ErrorMaxLength ? text[..ExportJob.ErrorMaxLength] : text;
}
