using GovInfoPortal.Data.Statistics;
using Microsoft.Extensions.Caching.Memory;

namespace GovInfoPortal.Web.Public;

/// <summary>
/// The table totals of the statistics page and API, kept for a few minutes: summing a large subtree (a
/// province's reports of a year) reads every one of its reports, and published figures change rarely. A new
/// publication shows in the totals within <see cref="Lifetime"/>.
/// </summary>
public sealed class PublicTotals(ReportTotals totals, IMemoryCache cache)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    public async Task<TableTotals> ForSubtreeAsync(string subtreePath, int year, CancellationToken cancellationToken = default) =>
        (await cache.GetOrCreateAsync(("public-totals-subtree", subtreePath, year), entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = Lifetime;
            return totals.ForSubtreeAsync(subtreePath, year, cancellationToken);
        }))!;

    public async Task<IReadOnlyDictionary<int, TableTotals>> ForChildrenAsync(int parentId, int year, CancellationToken cancellationToken = default) =>
        (await cache.GetOrCreateAsync(("public-totals-children", parentId, year), entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = Lifetime;
            return totals.ForChildrenAsync(parentId, year, cancellationToken);
        }))!;
}
