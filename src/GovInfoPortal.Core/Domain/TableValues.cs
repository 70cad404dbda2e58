using GovInfoPortal.Core.Formats;

namespace GovInfoPortal.Core.Domain;

/// <summary>
/// The figures of one table row as stated, keyed by column code. A value object: two rows with the same
/// cells are equal. An absent cell and a <c>null</c> cell both mean "empty" (a zero is written as 0), so
/// empty cells are not kept at all. Immutable: <see cref="With"/> returns a new row.
/// </summary>
public sealed class TableRow : IEquatable<TableRow>
{
    public static readonly TableRow Empty = new([]);

    // Only filled-in cells; never changed after construction (a row has at most a handful of cells, so a
    // copy per change is cheaper than an immutable tree, and lookups stay fast for the validator).
    private readonly Dictionary<string, decimal?> _cells;

    private TableRow(Dictionary<string, decimal?> cells) => _cells = cells;

    public static TableRow Of(IEnumerable<KeyValuePair<string, decimal?>> cells)
    {
        var filled = new Dictionary<string, decimal?>(StringComparer.Ordinal);
        foreach (var (column, value) in cells)
        {
            if (value is not null)
            {
                filled[column] = value;
            }
        }

        return filled.Count == 0 ? Empty : new TableRow(filled);
    }

    /// <summary>The filled-in cells.</summary>
    public IReadOnlyDictionary<string, decimal?> Cells => _cells;

    public decimal? this[string column] => _cells.GetValueOrDefault(column);

    public bool IsEmpty => _cells.Count == 0;

    /// <summary>
    /// The cells of the given columns, in their order, into <paramref name="values"/> (null where empty): the
    /// same as looking each column up, but a row filled in column order is read without hashing a code.
    /// </summary>
    internal void ReadInto(IReadOnlyList<ColumnDefinition> columns, Span<decimal?> values)
    {
        var remaining = _cells.Count;
        var entries = _cells.GetEnumerator();
        var next = entries.MoveNext();
        for (var i = 0; i < columns.Count; i++)
        {
            if (remaining == 0)
            {
                values[i] = null;
                continue;
            }

            var code = columns[i].Code;
            if (next && string.Equals(entries.Current.Key, code, StringComparison.Ordinal))
            {
                values[i] = entries.Current.Value;
                next = entries.MoveNext();
                remaining--;
            }
            else if (_cells.TryGetValue(code, out var value))
            {
                values[i] = value;
                remaining--;
            }
            else
            {
                values[i] = null;
            }
        }
    }

    public TableRow With(string column, decimal? value)
    {
        var cells = new Dictionary<string, decimal?>(_cells, StringComparer.Ordinal);
        if (value is null)
        {
            cells.Remove(column);
        }
        else
        {
            cells[column] = value;
        }

        return cells.Count == 0 ? Empty : new TableRow(cells);
    }

    public bool Equals(TableRow? other) =>
        other is not null && _cells.Count == other._cells.Count &&
        _cells.All(pair => other._cells.TryGetValue(pair.Key, out var value) && value == pair.Value);

    public override bool Equals(object? obj) => Equals(obj as TableRow);

    /// <summary>Independent of the order the cells were added in, as equality is.</summary>
    public override int GetHashCode()
    {
        var hash = 0;
        foreach (var (key, value) in _cells)
        {
            hash ^= HashCode.Combine(key, value);
        }

        return hash;
    }
}

/// <summary>
/// The figures of one official table as stated, keyed by row code (dotted for grouped rows). A value object,
/// stored whole with its report (a few rows per report, not one row per cell). Rows with no filled-in cell
/// are not kept, so that an empty row and an absent row are equal. Immutable: <see cref="With"/> returns a
/// new table.
/// </summary>
public sealed class ReportTable : IEquatable<ReportTable>
{
    public static readonly ReportTable Empty = new([]);

    private readonly Dictionary<string, TableRow> _rows;

    private ReportTable(Dictionary<string, TableRow> rows) => _rows = rows;

    public static ReportTable Of(IEnumerable<KeyValuePair<string, TableRow>> rows)
    {
        var filled = new Dictionary<string, TableRow>(StringComparer.Ordinal);
        foreach (var (code, row) in rows)
        {
            if (!row.IsEmpty)
            {
                filled[code] = row;
            }
        }

        return filled.Count == 0 ? Empty : new ReportTable(filled);
    }

    /// <summary>Builds a table from (row, column, value) triples; a later triple for the same cell wins.</summary>
    public static ReportTable FromCells(IEnumerable<(string Row, string Column, decimal? Value)> cells)
    {
        var rows = new Dictionary<string, Dictionary<string, decimal?>>(StringComparer.Ordinal);
        foreach (var (row, column, value) in cells)
        {
            if (!rows.TryGetValue(row, out var rowCells))
            {
                rows[row] = rowCells = new Dictionary<string, decimal?>(StringComparer.Ordinal);
            }

            rowCells[column] = value;
        }

        return Of(rows.Select(pair => new KeyValuePair<string, TableRow>(pair.Key, TableRow.Of(pair.Value))));
    }

    public IReadOnlyDictionary<string, TableRow> Rows => _rows;

    public TableRow Row(string row) => _rows.GetValueOrDefault(row) ?? TableRow.Empty;

    public decimal? this[string row, string column] => _rows.TryGetValue(row, out var cells) ? cells[column] : null;

    public ReportTable With(string row, string column, decimal? value)
    {
        var changed = Row(row).With(column, value);
        var rows = new Dictionary<string, TableRow>(_rows, StringComparer.Ordinal);
        if (changed.IsEmpty)
        {
            rows.Remove(row);
        }
        else
        {
            rows[row] = changed;
        }

        return rows.Count == 0 ? Empty : new ReportTable(rows);
    }

    public bool IsEmpty => _rows.Count == 0;

    /// <summary>
    /// The cells of the given rows, row by row in their columns' order, into <paramref name="values"/> (null
    /// where empty): the same as looking each cell up, but a table kept in form order is read without hashing
    /// a code.
    /// </summary>
    internal void ReadInto(IReadOnlyList<RowDefinition> definitions, Span<decimal?> values)
    {
        var remaining = _rows.Count;
        var entries = _rows.GetEnumerator();
        var next = entries.MoveNext();
        var index = 0;
        for (var i = 0; i < definitions.Count; i++)
        {
            var columns = definitions[i].Columns;
            var cells = values.Slice(index, columns.Count);
            index += columns.Count;
            if (remaining == 0)
            {
                cells.Clear();
                continue;
            }

            var code = definitions[i].Code;
            if (next && string.Equals(entries.Current.Key, code, StringComparison.Ordinal))
            {
                entries.Current.Value.ReadInto(columns, cells);
                next = entries.MoveNext();
                remaining--;
            }
            else if (_rows.TryGetValue(code, out var row))
            {
                row.ReadInto(columns, cells);
                remaining--;
            }
            else
            {
                cells.Clear();
            }
        }
    }

    public bool Equals(ReportTable? other) =>
        other is not null && _rows.Count == other._rows.Count &&
        _rows.All(pair => other._rows.TryGetValue(pair.Key, out var row) && row.Equals(pair.Value));

    public override bool Equals(object? obj) => Equals(obj as ReportTable);

    public override int GetHashCode()
    {
        var hash = 0;
        foreach (var (key, row) in _rows)
        {
            hash ^= HashCode.Combine(key, row);
        }

        return hash;
    }
}
