using GovInfoPortal.Data.Statistics;

namespace GovInfoPortal.Web.Public;

/// <summary>
/// The table totals of the statistics page and API, kept a few minutes (<see cref="PublicCache"/>). They are
/// read from the kept totals rows (<see cref="ReportTotals"/>: a few rows for any subtree), so a cold read is cheap too.
/// </summary>
public sealed class PublicTotals(ReportTotals totals, PublicCache cache)
{
    public Task<TableTotals> ForSubtreeAsync(string subtreePath, int year, CancellationToken cancellationToken = default) =>
        cache.GetOrCreateAsync(("totals-subtree", subtreePath, year), () => totals.ForSubtreeAsync(subtreePath, year, cancellationToken));

    public Task<IReadOnlyDictionary<int, TableTotals>> ForChildrenAsync(int parentId, int year, CancellationToken cancellationToken = default) =>
        cache.GetOrCreateAsync(("totals-children", parentId, year), () => totals.ForChildrenAsync(parentId, year, cancellationToken));
}
