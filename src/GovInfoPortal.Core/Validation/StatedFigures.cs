using GovInfoPortal.Core.Domain;
using GovInfoPortal.Core.Formats;

namespace GovInfoPortal.Core.Validation;

/// <summary>
/// A table's figures as stated, read through its definition. <c>Usable</c> gives a cell only when it
/// is filled in and valid: a sum rule whose inputs are not all usable does not run, since the empty or
/// invalid cell already has its own finding.
/// </summary>
internal readonly struct StatedFigures(TableDefinition definition, ReportTable values)
{
    public TableDefinition Definition { get; } = definition;

    public decimal? Usable(RowDefinition row, ColumnDefinition column)
    {
        var value = values[row.Code, column.Code];
        return value is { } v && IsValid(column.Kind, v) ? v : null;
    }

    public decimal? Usable(string row, string column)
    {
        var rowDefinition = Definition.FindRow(row);
        var columnDefinition = rowDefinition?.FindColumn(column);
        return rowDefinition is null || columnDefinition is null ? null : Usable(rowDefinition, columnDefinition);
    }

    /// <summary>The sum of the given cells, or null when one of them is not usable.</summary>
    public decimal? Sum(IEnumerable<(RowDefinition Row, ColumnDefinition Column)> cells)
    {
        decimal sum = 0;
        foreach (var (row, column) in cells)
        {
            if (Usable(row, column) is not { } value)
            {
                return null;
            }

            sum += value;
        }

        return sum;
    }

    public static bool IsValid(CellKind kind, decimal value) => kind switch
    {
        CellKind.Count => value >= 0 && decimal.Truncate(value) == value,
        CellKind.SignedCount => decimal.Truncate(value) == value,
        CellKind.Amount => value >= 0,
        _ => false,
    };
}
