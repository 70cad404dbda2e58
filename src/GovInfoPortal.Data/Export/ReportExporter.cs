using System.Runtime.CompilerServices;
using GovInfoPortal.Core.Interchange;
using Microsoft.EntityFrameworkCore;

namespace GovInfoPortal.Data.Export;

/// <summary>Which reports to export.</summary>
/// <param name="OrganizationCode">Only this organization's reports (and, with <paramref name="IncludeSubtree"/>, those of the organizations under it).</param>
/// <param name="Year">Only this year's reports.</param>
/// <param name="PublishedOnly">Only published reports (what the public may see).</param>
public sealed record ReportExportFilter(string? OrganizationCode = null, int? Year = null, bool PublishedOnly = false, bool IncludeSubtree = false);

/// <summary>Loads stored reports as <c>govinfo-annual-report/1</c> documents, ordered by organization tree and year.</summary>
public sealed class ReportExporter(GovInfoDbContext db)
{
    /// <summary>The matching reports as documents. An unknown organization code matches nothing.</summary>
    public async Task<IReadOnlyList<ReportDocument>> ExportAsync(ReportExportFilter? filter = null, CancellationToken cancellationToken = default)
    {
        var documents = new List<ReportDocument>();
        await foreach (var document in StreamAsync(filter, cancellationToken))
        {
            documents.Add(document);
        }

        return documents;
    }

    /// <summary>The matching reports as documents, streamed (for exports too large to hold at once).</summary>
    public async IAsyncEnumerable<ReportDocument> StreamAsync(ReportExportFilter? filter = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        filter ??= new ReportExportFilter();
        var reports = db.Reports.AsNoTracking().Include(r => r.Organization).ThenInclude(o => o.Parent).AsQueryable();
        if (filter.OrganizationCode is { } code)
        {
            var organization = await db.Organizations.AsNoTracking()
                .Where(o => o.Code == code).Select(o => new { o.Id, o.Path }).FirstOrDefaultAsync(cancellationToken);
            if (organization is null)
            {
                yield break;
            }

            reports = filter.IncludeSubtree
                ? reports.InSubtree(organization.Path)
                : reports.Where(r => r.OrganizationId == organization.Id);
        }

        if (filter.Year is { } year)
        {
            reports = reports.Where(r => r.Year == year);
        }

        if (filter.PublishedOnly)
        {
            reports = reports.Published();
        }

        await foreach (var report in reports.OrderBy(r => r.Organization.Path).ThenBy(r => r.Year).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            yield return ReportDocument.FromReport(report);
        }
    }
}
