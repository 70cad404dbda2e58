using System.Runtime.CompilerServices;
using GovInfoPortal.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace GovInfoPortal.Data;

/// <summary>
/// Reports read in tree order a batch at a time, for what streams a large set of them (the PDF exports, the bulk
/// datasets): no list of all reports in memory and no query held open while each batch is written out.
/// </summary>
public static class ReportBatches
{
    /// <summary>
    /// The reports with their organization and its parent, in tree order, <paramref name="batchSize"/> at a time, each
    /// batch a short query of its own that starts after the last organization path of the one before (keyset paging: a
    /// path is unique, so the reports must be of one year, where a body has one report).
    /// </summary>
    public static async IAsyncEnumerable<AnnualReport> InTreeOrderAsync(this IQueryable<AnnualReport> reports, int batchSize,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        string? after = null;
        while (true)
        {
            var page = after is null ? reports : reports.Where(r => string.Compare(r.Organization.Path, after) > 0);
            var batch = await page
                .Include(r => r.Organization).ThenInclude(o => o.Parent)
                .OrderBy(r => r.Organization.Path)
                .Take(batchSize)
                .ToListAsync(cancellationToken);
            foreach (var report in batch)
            {
                yield return report;
            }

            if (batch.Count < batchSize)
            {
                yield break;
            }

            after = batch[^1].Organization.Path;
        }
    }
}
