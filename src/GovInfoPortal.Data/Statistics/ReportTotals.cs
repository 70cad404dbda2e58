using GovInfoPortal.Core.Domain;
using GovInfoPortal.Core.Formats;
using Microsoft.EntityFrameworkCore;

namespace GovInfoPortal.Data.Statistics;

/// <summary>The sums of every cell of a format's tables over a set of published reports, and how many reports they cover.</summary>
public sealed record TableTotals(int Reports, ReportTable ActiveDisclosure, ReportTable Applications, ReportTable ReviewLitigation)
{
    public ReportTable Table(string tableCode) => tableCode switch
    {
        TableCodes.ActiveDisclosure => ActiveDisclosure,
        TableCodes.Applications => Applications,
        TableCodes.ReviewLitigation => ReviewLitigation,
        _ => throw new ArgumentOutOfRangeException(nameof(tableCode), tableCode, "Unknown table."),
    };

    public static readonly TableTotals None = new(0, ReportTable.Empty, ReportTable.Empty, ReportTable.Empty);

    /// <summary>
    /// The totals without the cells whose column is not <see cref="ColumnDefinition.Summable"/> (the 2019 form's
    /// 上一年项目数量 and 本年增/减): what a city-wide sum may show.
    /// </summary>
    public TableTotals SummableOnly(FormatDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ReportTable Filter(string tableCode) =>
            ReportTable.FromCells(definition.FindTable(tableCode)?.Cells
                .Where(cell => cell.Column.Summable)
                .Select(cell => (cell.Row.Code, cell.Column.Code, Table(tableCode)[cell.Row.Code, cell.Column.Code])) ?? []);

        return new TableTotals(Reports, Filter(TableCodes.ActiveDisclosure), Filter(TableCodes.Applications), Filter(TableCodes.ReviewLitigation));
    }
}

/// <summary>
/// The table totals of published reports as the pages show them, read from the kept rows of
/// <see cref="OrganizationYearTotal"/>: a subtree's totals are its root's row, its children's are their rows and
/// the organization's own report — a constant number of indexed reads whatever the size of the subtree.
/// </summary>
public sealed class ReportTotals(GovInfoDbContext db)
{
    /// <summary>The totals of the published reports of a year, in the year's format, of a subtree (<c>/</c>: every organization).</summary>
    public async Task<TableTotals> ForSubtreeAsync(string subtreePath, int year, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(subtreePath);
        if (!FormatDefinition.For(ReportFormats.ForYear(year)).HasTables)
        {
            return TableTotals.None;
        }

        var rows = await OrganizationTotals.SubtreeRows(db, subtreePath).Where(t => t.Year == year)
            .Select(t => new { t.Reports, t.Tabled, t.Sums })
            .ToListAsync(cancellationToken);
        var sums = SubtreeSums.Zero();
        foreach (var row in rows)
        {
            sums.Add(SubtreeSums.Parse(row.Reports, row.Tabled, row.Sums));
        }

        return sums.ToTotals(year);
    }

    /// <summary>
    /// The totals of each child of an organization over its own subtree (keyed by the child's id), and of
    /// the organization's own report (keyed by its id), for a year; only those with reports in the year's format.
    /// </summary>
    public async Task<IReadOnlyDictionary<int, TableTotals>> ForChildrenAsync(int parentId, int year, CancellationToken cancellationToken = default)
    {
        var result = new Dictionary<int, TableTotals>();
        var definition = FormatDefinition.For(ReportFormats.ForYear(year));
        if (!definition.HasTables)
        {
            return result;
        }

        var children = await db.OrganizationYearTotals.AsNoTracking()
            .Where(t => t.Year == year && t.Tabled > 0 && db.Organizations.Any(o => o.Id == t.OrganizationId && o.ParentId == parentId))
            .Select(t => new { t.OrganizationId, t.Reports, t.Tabled, t.Sums })
            .ToListAsync(cancellationToken);
        foreach (var child in children)
        {
            result[child.OrganizationId] = SubtreeSums.Parse(child.Reports, child.Tabled, child.Sums).ToTotals(year);
        }

        var own = await db.Reports.AsNoTracking()
            .Published().Where(r => r.OrganizationId == parentId && r.Year == year && r.Format == definition.Format)
            .Select(r => new { r.Format, r.ActiveDisclosure, r.Applications, r.ReviewLitigation })
            .FirstOrDefaultAsync(cancellationToken);
        if (own is not null)
        {
            result[parentId] = SubtreeSums.OfReport(year, own.Format, own.ActiveDisclosure, own.Applications, own.ReviewLitigation).ToTotals(year);
        }

        return result;
    }
}
