using System.Globalization;
using GovInfoPortal.Core.Domain;
using GovInfoPortal.Core.Formats;
using GovInfoPortal.Core.Formats.Layout;
using Microsoft.AspNetCore.Html;

namespace GovInfoPortal.Web.Pages.Shared;

/// <summary>
/// What <c>_OfficialTable.cshtml</c> draws: an official table in the printed form's layout with the figures
/// as stated. <see cref="IdPrefix"/> keeps header ids unique when one page shows several reports.
/// </summary>
public sealed record OfficialTableModel(TableLayout Layout, ReportTable Values, string IdPrefix = "")
{
    private readonly HashSet<string> _groupHeaderIds = Layout.Rows
        .SelectMany(row => row.Cells)
        .Where(cell => cell.Kind != LayoutCellKind.Value)
        .SelectMany(cell => cell.HeaderIds)
        .ToHashSet(StringComparer.Ordinal);

    private Dictionary<LayoutCell, int>? _startColumns;

    public static OfficialTableModel For(TableDefinition table, ReportTable values, string idPrefix = "") =>
        new(OfficialTableLayout.For(table), values, idPrefix);

    public TableDefinition Table => Layout.Table;

    /// <summary>
    /// What the figure cells hold instead of the stated figures (the report editor puts its inputs there), or
    /// null to show the figures. The table around them — merged cells, labels, header ids — stays the same.
    /// </summary>
    public Func<LayoutCell, IHtmlContent>? FigureContent { get; init; }

    /// <summary>How the table is announced: 表三 收到和处理政府信息公开申请情况.</summary>
    public string Caption => $"{CaptionPrefix}{Table.MessageLabel} {Table.Title}";

    /// <summary>Words before the caption, where a page shows two tables of one kind (the editor: 上一年度（2024年）).</summary>
    public string CaptionPrefix { get; init; } = string.Empty;

    public string CaptionId => Id($"{Table.Code}-caption");

    public string Id(string layoutId) => IdPrefix + layoutId;

    public string Headers(LayoutCell cell) => string.Join(' ', cell.HeaderIds.Select(Id));

    public decimal? ValueOf(LayoutCell cell) =>
        cell.Cell is { } address ? Values[address.Row.Code, address.Column.Code] : null;

    /// <summary>
    /// The CSS classes of a row label: <c>official-row-label</c>; the grid column it starts in when not the
    /// first (<c>label-col-1</c>…, for the sticky label columns on a phone); <c>label-group</c> when it heads several rows.
    /// </summary>
    public string RowLabelClass(LayoutCell cell) =>
        "official-row-label"
        + (StartColumn(cell) is > 0 and var column ? $" label-col-{column}" : string.Empty)
        + (cell.RowSpan > 1 ? " label-group" : string.Empty);

    /// <summary>The grid column a cell starts in, counting the columns that cells of rows above still span.</summary>
    public int StartColumn(LayoutCell cell)
    {
        if (_startColumns is null)
        {
            var starts = new Dictionary<LayoutCell, int>(ReferenceEqualityComparer.Instance);
            var taken = new Dictionary<(int Row, int Column), bool>();
            for (var r = 0; r < Layout.Rows.Count; r++)
            {
                var column = 0;
                foreach (var item in Layout.Rows[r].Cells)
                {
                    while (taken.ContainsKey((r, column)))
                    {
                        column++;
                    }

                    starts[item] = column;
                    for (var dr = 0; dr < item.RowSpan; dr++)
                    {
                        for (var dc = 0; dc < item.ColumnSpan; dc++)
                        {
                            taken[(r + dr, column + dc)] = true;
                        }
                    }

                    column += item.ColumnSpan;
                }
            }

            _startColumns = starts;
        }

        return _startColumns.GetValueOrDefault(cell);
    }

    /// <summary>A figure as a reader writes it: no thousands separators, no trailing zeros.</summary>
    public static string Figure(decimal value) => value.ToString("0.############################", CultureInfo.InvariantCulture);

    /// <summary>
    /// HTML <c>scope</c> of a header cell: a heading that other headings stand under names a group of
    /// columns or rows; a single column merely widened to fill the form stays a column.
    /// </summary>
    public string Scope(LayoutCell cell) => cell.Kind switch
    {
        LayoutCellKind.ColumnHeader => cell.Id is { } id && _groupHeaderIds.Contains(id) ? "colgroup" : "col",
        _ => cell.Id is { } id && _groupHeaderIds.Contains(id) ? "rowgroup" : "row",
    };
}
