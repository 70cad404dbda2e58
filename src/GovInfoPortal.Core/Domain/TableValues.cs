using System.Collections.Immutable;

namespace GovInfoPortal.Core.Domain;

/// <summary>
/// The figures of one table row as stated, keyed by column code. A value object: two rows with the same
/// cells are equal. An absent cell and a <c>null</c> cell both mean "empty" (a zero is written as 0), so
/// empty cells are not kept at all.
/// </summary>
public sealed class TableRow : IEquatable<TableRow>
{
    public static readonly TableRow Empty = new(ImmutableSortedDictionary<string, decimal?>.Empty.WithComparers(StringComparer.Ordinal));

    private readonly ImmutableSortedDictionary<string, decimal?> _cells;

    private TableRow(ImmutableSortedDictionary<string, decimal?> cells) => _cells = cells;

    public static TableRow Of(IEnumerable<KeyValuePair<string, decimal?>> cells) =>
        new(ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, cells.Where(cell => cell.Value is not null)));

    /// <summary>The filled-in cells.</summary>
    public IReadOnlyDictionary<string, decimal?> Cells => _cells;

    public decimal? this[string column] => _cells.GetValueOrDefault(column);

    public bool IsEmpty => _cells.IsEmpty;

    public TableRow With(string column, decimal? value) =>
        new(value is null ? _cells.Remove(column) : _cells.SetItem(column, value));

    public bool Equals(TableRow? other) =>
        other is not null && _cells.Count == other._cells.Count &&
        _cells.All(pair => other._cells.TryGetValue(pair.Key, out var value) && value == pair.Value);

    public override bool Equals(object? obj) => Equals(obj as TableRow);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var (key, value) in _cells)
        {
            hash.Add(key);
            hash.Add(value);
        }

        return hash.ToHashCode();
    }
}

/// <summary>
/// The figures of one official table as stated, keyed by row code (dotted for grouped rows). A value object,
/// stored whole with its report (a few rows per report, not one row per cell). Rows with no filled-in cell
/// are not kept, so that an empty row and an absent row are equal.
/// </summary>
public sealed class ReportTable : IEquatable<ReportTable>
{
    public static readonly ReportTable Empty = new(ImmutableSortedDictionary<string, TableRow>.Empty.WithComparers(StringComparer.Ordinal));

    private readonly ImmutableSortedDictionary<string, TableRow> _rows;

    private ReportTable(ImmutableSortedDictionary<string, TableRow> rows) => _rows = rows;

    public static ReportTable Of(IEnumerable<KeyValuePair<string, TableRow>> rows) =>
        new(ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, rows.Where(row => !row.Value.IsEmpty)));

    /// <summary>Builds a table from (row, column, value) triples.</summary>
    public static ReportTable FromCells(IEnumerable<(string Row, string Column, decimal? Value)> cells)
    {
        var table = Empty;
        foreach (var (row, column, value) in cells)
        {
            table = table.With(row, column, value);
        }

        return table;
    }

    public IReadOnlyDictionary<string, TableRow> Rows => _rows;

    public TableRow Row(string row) => _rows.GetValueOrDefault(row) ?? TableRow.Empty;

    public decimal? this[string row, string column] => Row(row)[column];

    public ReportTable With(string row, string column, decimal? value)
    {
        var changed = Row(row).With(column, value);
        return new(changed.IsEmpty ? _rows.Remove(row) : _rows.SetItem(row, changed));
    }

    public bool IsEmpty => _rows.IsEmpty;

    public bool Equals(ReportTable? other) =>
        other is not null && _rows.Count == other._rows.Count &&
        _rows.All(pair => other._rows.TryGetValue(pair.Key, out var row) && row.Equals(pair.Value));

    public override bool Equals(object? obj) => Equals(obj as ReportTable);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var (key, row) in _rows)
        {
            hash.Add(key);
            hash.Add(row);
        }

        return hash.ToHashCode();
    }
}
