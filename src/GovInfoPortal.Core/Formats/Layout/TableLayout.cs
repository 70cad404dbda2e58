namespace GovInfoPortal.Core.Formats.Layout;

public enum LayoutCellKind
{
    /// <summary>A column heading (or a title across the table).</summary>
    ColumnHeader,

    /// <summary>A row heading: the labels left of the figures.</summary>
    RowHeader,

    /// <summary>A figure of the report.</summary>
    Value,
}

/// <summary>
/// One cell of an official table as printed: its text, how far it spans, and, for a figure, the cell of
/// the format definition it shows. Header cells carry an <see cref="Id"/> unique within the table; value
/// cells list the ids of every header that applies to them (for HTML <c>headers</c>, and for readers).
/// </summary>
public sealed record LayoutCell
{
    public required LayoutCellKind Kind { get; init; }

    /// <summary>The printed text; empty for value cells.</summary>
    public string Text { get; init; } = string.Empty;

    public int ColumnSpan { get; init; } = 1;

    public int RowSpan { get; init; } = 1;

    /// <summary>For header cells: an id unique within the table (<c>applications-col-naturalPerson</c>).</summary>
    public string? Id { get; init; }

    /// <summary>For value and row-header cells: the ids of the header cells that describe it, outermost first.</summary>
    public IReadOnlyList<string> HeaderIds { get; init; } = [];

    /// <summary>For value cells: the table, row and column the figure belongs to.</summary>
    public CellDefinition? Cell { get; init; }

    /// <summary>True for the note cell of 表三 (本列数据的勾稽关系为…).</summary>
    public bool IsNote { get; init; }
}

public sealed record LayoutRow(IReadOnlyList<LayoutCell> Cells);

/// <summary>
/// An official table laid out as the printed form: rows of cells with their spans. The first
/// <see cref="HeaderRowCount"/> rows are the table's heading (HTML <c>thead</c>); table 二 has none, since
/// each of its blocks carries its own title and heading rows.
/// </summary>
public sealed record TableLayout(TableDefinition Table, int ColumnCount, int HeaderRowCount, IReadOnlyList<LayoutRow> Rows)
{
    public IEnumerable<LayoutRow> HeaderRows => Rows.Take(HeaderRowCount);

    public IEnumerable<LayoutRow> BodyRows => Rows.Skip(HeaderRowCount);

    /// <summary>Every value cell, in reading order.</summary>
    public IEnumerable<LayoutCell> ValueCells => Rows.SelectMany(r => r.Cells).Where(c => c.Kind == LayoutCellKind.Value);
}
