using GovInfoPortal.Data.Statistics;

namespace GovInfoPortal.Web.Public;

/// <summary>
/// The table totals of the statistics page and API, kept a few minutes (<see cref="PublicCache"/>): summing
/// a large subtree (a province's reports of a year) reads every one of its reports.
/// </summary>
public sealed class PublicTotals(ReportTotals totals, PublicCache cache)
{
    public Task<TableTotals> ForSubtreeAsync(string subtreePath, int year, CancellationToken cancellationToken = default) =>
        cache.GetOrCreateAsync(("totals-subtree", subtreePath, year), () => totals.ForSubtreeAsync(subtreePath, year, cancellationToken));

    public Task<IReadOnlyDictionary<int, TableTotals>> ForChildrenAsync(int parentId, int year, CancellationToken cancellationToken = default) =>
        cache.GetOrCreateAsync(("totals-children", parentId, year), () => totals.ForChildrenAsync(parentId, year, cancellationToken));
}
