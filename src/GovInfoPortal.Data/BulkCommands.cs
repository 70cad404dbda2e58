using Microsoft.EntityFrameworkCore;

namespace GovInfoPortal.Data;

/// <summary>
/// The command timeout of the statements that work over a whole large table in one go (a migration rewriting the
/// search index, a bulk seed's ANALYZE and index builds): minutes at scale, where the default is 30 seconds.
/// </summary>
internal static class BulkCommands
{
    public const int TimeoutSeconds = 3600;

    /// <summary>Runs <paramref name="work"/> with <see cref="TimeoutSeconds"/> on the context's commands, then puts the timeout back.</summary>
    public static async Task<T> WithBulkTimeoutAsync<T>(this GovInfoDbContext db, Func<Task<T>> work)
    {
        var timeout = db.Database.GetCommandTimeout();
        db.Database.SetCommandTimeout(TimeoutSeconds);
        try
        {
            return await work();
        }
        finally
        {
            db.Database.SetCommandTimeout(timeout);
        }
    }

    /// <inheritdoc cref="WithBulkTimeoutAsync{T}"/>
    public static Task WithBulkTimeoutAsync(this GovInfoDbContext db, Func<Task> work) =>
        db.WithBulkTimeoutAsync(async () =>
        {
            await work();
            return true;
        });
}
