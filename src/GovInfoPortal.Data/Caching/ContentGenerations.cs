using Microsoft.EntityFrameworkCore;

namespace GovInfoPortal.Data.Caching;

/// <summary>Reading and advancing the <see cref="ContentGeneration"/> outside a tracked save.</summary>
public static class ContentGenerations
{
    /// <summary>The current generation: one primary-key lookup of one row.</summary>
    public static async Task<ContentGeneration> ReadAsync(GovInfoDbContext db, CancellationToken cancellationToken = default) =>
        await db.ContentGenerations.AsNoTracking().FirstOrDefaultAsync(g => g.Id == ContentGeneration.RowId, cancellationToken) ?? throw new InvalidOperationException("ContentGenerations has no row: the database is not migrated.");

    /// <summary>
    /// Advances the generation in the caller's transaction (when one is open): for writes that bypass tracked
    /// saves, such as the bulk seeder.
    /// </summary>
    public static Task<int> AdvanceAsync(GovInfoDbContext db, CancellationToken cancellationToken = default)
    {
        var stamp = ContentGeneration.NewStamp();
        var now = DateTime.UtcNow;
        return db.ContentGenerations.Where(g => g.Id == ContentGeneration.RowId)
            .ExecuteUpdateAsync(set => set.SetProperty(g => g.Stamp, stamp).SetProperty(g => g.ChangedAt, now), cancellationToken);
    }
}
