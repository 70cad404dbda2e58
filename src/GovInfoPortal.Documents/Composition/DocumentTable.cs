using System.Globalization;
using GovInfoPortal.Core.Domain;
using GovInfoPortal.Core.Formats;
using GovInfoPortal.Core.Formats.Layout;

namespace GovInfoPortal.Documents.Composition;

internal enum GridCellRole
{
    ColumnHeader,
    RowHeader,
    Value,

    /// <summary>表三's note 本列数据的勾稽关系为…, a header cell set as running text.</summary>
    Note,
}

/// <summary>One cell of a table placed on its grid: the row and column it starts at and how far it spans.</summary>
internal sealed record GridCell(int Row, int Column, int RowSpan, int ColumnSpan, GridCellRole Role, string Text)
{
    /// <summary>For value cells: the figure as stated, or null for an empty cell.</summary>
    public decimal? Number { get; init; }

    public CellKind Kind { get; init; } = CellKind.Count;

    /// <summary>For value cells of an official table: the cell of the format definition.</summary>
    public CellDefinition? Cell { get; init; }

    public int LastRow => Row + RowSpan - 1;

    public int LastColumn => Column + ColumnSpan - 1;
}

/// <summary>
/// A table with every cell placed on a grid of rows and columns. Built from the official layout
/// (<see cref="OfficialTableLayout"/>), which lists cells row by row with their spans; the PDF, Word and Excel
/// renderings need positions (where a cell starts, which cell covers a grid slot), computed here once.
/// </summary>
internal sealed class DocumentTable
{
    private readonly GridCell?[,] _covering;

    private DocumentTable(string code, string caption, int columnCount, int headerRowCount, IReadOnlyList<GridCell> cells)
    {
        Code = code;
        Caption = caption;
        ColumnCount = columnCount;
        HeaderRowCount = headerRowCount;
        Cells = cells;
        RowCount = cells.Count == 0 ? 0 : cells.Max(c => c.LastRow) + 1;
        _covering = new GridCell?[RowCount, columnCount];
        foreach (var cell in cells)
        {
            for (var row = cell.Row; row <= cell.LastRow; row++)
            {
                for (var column = cell.Column; column <= cell.LastColumn; column++)
                {
                    _covering[row, column] = cell;
                }
            }
        }

        FigureColumns = Enumerable.Range(0, columnCount)
            .Select(column => cells.Any(c => c.Role == GridCellRole.Value && c.Column == column && c.ColumnSpan == 1))
            .ToArray();
    }

    /// <summary>The table's code (<c>applications</c>), or <c>legacyFigures</c>.</summary>
    public string Code { get; }

    /// <summary>How the table is named: 表三 收到和处理政府信息公开申请情况.</summary>
    public string Caption { get; }

    public int ColumnCount { get; }

    public int RowCount { get; }

    /// <summary>The heading rows, repeated when the table runs onto another page.</summary>
    public int HeaderRowCount { get; }

    public IReadOnlyList<GridCell> Cells { get; }

    /// <summary>Columns that hold figures of their own (the others hold labels).</summary>
    public IReadOnlyList<bool> FigureColumns { get; }

    /// <summary>The label columns left of the first figure column (frozen in a spreadsheet).</summary>
    public int LeadingLabelColumns => FigureColumns.TakeWhile(isFigure => !isFigure).Count();

    /// <summary>The cell that covers a grid slot (the one starting there, or one spanning over it).</summary>
    public GridCell? At(int row, int column) => _covering[row, column];

    public IEnumerable<GridCell> StartingIn(int row) => Cells.Where(c => c.Row == row).OrderBy(c => c.Column);

    public IEnumerable<GridCell> ValueCells => Cells.Where(c => c.Role == GridCellRole.Value);

    public static DocumentTable For(TableLayout layout, ReportTable values)
    {
        ArgumentNullException.ThrowIfNull(layout);
        var occupied = new HashSet<(int Row, int Column)>();
        var cells = new List<GridCell>();
        for (var row = 0; row < layout.Rows.Count; row++)
        {
            var column = 0;
            foreach (var cell in layout.Rows[row].Cells)
            {
                while (occupied.Contains((row, column)))
                {
                    column++;
                }

                for (var r = row; r < row + cell.RowSpan; r++)
                {
                    for (var c = column; c < column + cell.ColumnSpan; c++)
                    {
                        occupied.Add((r, c));
                    }
                }

                cells.Add(Place(cell, row, column, values));
                column += cell.ColumnSpan;
            }
        }

        var table = layout.Table;
        return new DocumentTable(table.Code, $"{table.MessageLabel} {table.Title}", layout.ColumnCount, layout.HeaderRowCount, cells);
    }

    private static GridCell Place(LayoutCell cell, int row, int column, ReportTable values)
    {
        if (cell.Kind == LayoutCellKind.Value && cell.Cell is { } definition)
        {
            var number = values[definition.Row.Code, definition.Column.Code];
            return new GridCell(row, column, cell.RowSpan, cell.ColumnSpan, GridCellRole.Value, FigureText(number))
            {
                Number = number,
                Kind = definition.Column.Kind,
                Cell = definition,
            };
        }

        var role = cell.IsNote ? GridCellRole.Note
            : cell.Kind == LayoutCellKind.RowHeader ? GridCellRole.RowHeader
            : GridCellRole.ColumnHeader;
        return new GridCell(row, column, cell.RowSpan, cell.ColumnSpan, role, cell.Text);
    }

    /// <summary>A legacy report's headline figures: one row per figure under a heading row.</summary>
    public static DocumentTable ForLegacyFigures(TableRow figures)
    {
        ArgumentNullException.ThrowIfNull(figures);
        var cells = new List<GridCell>
        {
            new(0, 0, 1, 1, GridCellRole.ColumnHeader, "统计指标"),
            new(0, 1, 1, 1, GridCellRole.ColumnHeader, "数值"),
        };
        var row = 1;
        foreach (var (name, value) in figures.Cells)
        {
            cells.Add(new GridCell(row, 0, 1, 1, GridCellRole.RowHeader, name));
            cells.Add(new GridCell(row, 1, 1, 1, GridCellRole.Value, FigureText(value)) { Number = value });
            row++;
        }

        return new DocumentTable(LegacyCode, "统计数据主要指标", 2, 1, cells);
    }

    public const string LegacyCode = "legacyFigures";

    /// <summary>A figure as stated (amounts keep their decimals); an empty cell stays empty.</summary>
    public static string FigureText(decimal? value) => value?.ToString(CultureInfo.InvariantCulture) ?? string.Empty;
}
