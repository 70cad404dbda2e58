using System.Runtime.CompilerServices;
using GovInfoPortal.Core.Domain;
using GovInfoPortal.Core.Formats;
using GovInfoPortal.Data;
using GovInfoPortal.Data.Statistics;
using GovInfoPortal.Documents;
using GovInfoPortal.Documents.Excel;
using Microsoft.EntityFrameworkCore;

namespace GovInfoPortal.Web.Totals;

/// <summary>
/// City-wide totals for the review pages: the sums of a subtree's published reports of a year (the kept totals
/// of its root read by <see cref="ReportTotals"/>, summable cells only) and every body of the subtree with
/// whether its report is included, as the page shows them and the Excel download writes them.
/// </summary>
public sealed class CityTotals(GovInfoDbContext db, ReportTotals totals)
{
    public const string NotStarted = "尚未填报";

    public static FormatDefinition DefinitionFor(int year) => FormatDefinition.For(ReportFormats.ForYear(year));

    /// <summary>Whether a year's reports have tables to sum (2019 on; earlier years are archives).</summary>
    public static bool HasTables(int year) => DefinitionFor(year).HasTables;

    /// <param name="withBodies">Whether to list the subtree's bodies in <see cref="SubtreeTotals.Bodies"/>; without, it is
    /// empty and <see cref="BodiesAsync"/> streams them (a large subtree's Excel download).</param>
    public async Task<SubtreeTotals> ForAsync(ScopeOrganization scope, int year, bool withBodies = true, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var definition = DefinitionFor(year);
        var sums = definition.HasTables
            ? (await totals.ForSubtreeAsync(scope.Path, year, cancellationToken)).SummableOnly(definition)
            : TableTotals.None;
        var bodies = new List<TotalsBody>();
        if (withBodies)
        {
            await foreach (var body in BodiesAsync(scope, year, cancellationToken))
            {
                bodies.Add(body);
            }
        }

        return new SubtreeTotals(
            ReportFileNames.ShortName(scope.Name, scope.ParentName),
            year,
            definition.Format,
            sums.Reports,
            sums.ActiveDisclosure,
            sums.Applications,
            sums.ReviewLitigation,
            bodies);
    }

    /// <summary>Every body of the subtree in tree order with whether its report of the year is included, read as it is used.</summary>
    public async IAsyncEnumerable<TotalsBody> BodiesAsync(ScopeOrganization scope, int year,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var definition = DefinitionFor(year);
        var bodies = db.Organizations.AsNoTracking()
            .InSubtree(scope.Path)
            .OrderBy(o => o.Path)
            .Select(o => new
            {
                o.Name,
                o.Code,
                Report = db.Reports.Where(r => r.OrganizationId == o.Id && r.Year == year)
                    .Select(r => new { r.Status, r.Format })
                    .FirstOrDefault(),
            })
            .AsAsyncEnumerable()
            .WithCancellation(cancellationToken);
        await foreach (var b in bodies)
        {
            yield return b.Report is null
                ? new TotalsBody(b.Name, b.Code, false, NotStarted)
                : Body(b.Name, b.Code, b.Report.Status, b.Report.Format, definition);
        }
    }

    /// <summary>
    /// A body's line: included when its report is published in the year's format (the totals sum only those;
    /// an archived report in another format is named as left out).
    /// </summary>
    private static TotalsBody Body(string name, string? code, ReportStatus status, ReportFormat format, FormatDefinition definition) =>
        status != ReportStatus.Published ? new TotalsBody(name, code, false, status.DisplayName())
        : format == definition.Format && definition.HasTables ? new TotalsBody(name, code, true, status.DisplayName())
        : new TotalsBody(name, code, false, $"{status.DisplayName()}（{format.DisplayName()}，未计入）");

    /// <summary>The years in which the subtree has published reports, newest first (from the kept totals).</summary>
    public async Task<IReadOnlyList<int>> PublishedYearsAsync(ScopeOrganization scope, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return await OrganizationTotals.SubtreeRows(db, scope.Path)
            .Where(t => t.Reports > 0)
            .Select(t => t.Year)
            .Distinct()
            .OrderByDescending(y => y)
            .ToListAsync(cancellationToken);
    }

    /// <summary>How many published reports of the year the subtree has (what a ZIP export would hold), from the kept totals.</summary>
    public Task<int> PublishedCountAsync(ScopeOrganization scope, int year, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return OrganizationTotals.SubtreeRows(db, scope.Path)
            .Where(t => t.Year == year)
            .SumAsync(t => t.Reports, cancellationToken);
    }
}
