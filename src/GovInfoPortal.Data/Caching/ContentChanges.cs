using Microsoft.EntityFrameworkCore;

namespace GovInfoPortal.Data.Caching;

/// <summary>Writing, reading and pruning the change log (<see cref="ContentChangeRecord"/>) outside a tracked save.</summary>
public static class ContentChanges
{
    /// <summary>The PostgreSQL channel a change is announced on (<c>NOTIFY</c>), so that followers read the log at once.</summary>
    public const string Channel = "govinfo_content_changes";

    private const string NotifySql = "NOTIFY " + Channel;

    /// <summary>
    /// Writes a change in the caller's transaction (when one is open) and announces it (through
    /// <see cref="ContentChangeStep"/>): for writes that bypass tracked saves, such as the bulk seeder.
    /// </summary>
    public static async Task RecordAsync(GovInfoDbContext db, IEnumerable<string> tags, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        db.ContentChanges.Add(new ContentChangeRecord(tags, DateTime.UtcNow));
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// Wakes the instances following the log (PostgreSQL only; the others poll). Inside a transaction the
    /// notification is delivered at its commit, and not at all if it rolls back.
    /// </summary>
    public static async Task NotifyAsync(GovInfoDbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlRawAsync(NotifySql, cancellationToken);
        }
    }

    /// <summary>The id of the latest change (0 when the log is empty).</summary>
    public static async Task<long> LatestIdAsync(GovInfoDbContext db, CancellationToken cancellationToken = default) =>
        await db.ContentChanges.MaxAsync(c => (long?)c.Id, cancellationToken) ?? 0;

    /// <summary>The id of the oldest change kept (0 when the log is empty).</summary>
    public static async Task<long> OldestIdAsync(GovInfoDbContext db, CancellationToken cancellationToken = default) =>
        await db.ContentChanges.MinAsync(c => (long?)c.Id, cancellationToken) ?? 0;

    /// <summary>The changes after <paramref name="afterId"/>, oldest first.</summary>
    public static Task<List<ContentChangeRecord>> ReadAfterAsync(GovInfoDbContext db, long afterId, CancellationToken cancellationToken = default) =>
        db.ContentChanges.AsNoTracking().Where(c => c.Id > afterId).OrderBy(c => c.Id).ToListAsync(cancellationToken);

    /// <summary>
    /// Deletes the changes written before <paramref name="before"/>, always keeping the latest: what is deleted is
    /// a run of the oldest ids, so a follower that still finds an id it has read knows it missed nothing.
    /// </summary>
    public static async Task<int> PruneAsync(GovInfoDbContext db, DateTime before, CancellationToken cancellationToken = default)
    {
        var latest = await LatestIdAsync(db, cancellationToken);
        var last = await db.ContentChanges.Where(c => c.ChangedAt < before && c.Id < latest).MaxAsync(c => (long?)c.Id, cancellationToken);
        return last is { } through
            ? await db.ContentChanges.Where(c => c.Id <= through).ExecuteDeleteAsync(cancellationToken)
            : 0;
    }
}
