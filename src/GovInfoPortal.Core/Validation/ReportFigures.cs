using GovInfoPortal.Core.Domain;
using GovInfoPortal.Core.Formats;

namespace GovInfoPortal.Core.Validation;

/// <summary>
/// A table's figures as stated, read once through its definition into an array in the definition's cell
/// order, so that the rules index cells instead of looking them up. <see cref="Usable"/> gives a cell only
/// when it is filled in and valid: a sum rule whose inputs are not all usable does not run, since the empty
/// or invalid cell already has its own finding.
/// </summary>
internal sealed class TableFigures
{
    private readonly decimal?[] _stated;
    private readonly bool[] _valid;

    public TableFigures(TableDefinition definition, ReportTable values)
    {
        Definition = definition;
        var cells = definition.Cells;
        _stated = new decimal?[cells.Count];
        _valid = new bool[cells.Count];
        var index = 0;
        foreach (var row in definition.Rows)
        {
            var stated = values.Row(row.Code);
            foreach (var column in row.Columns)
            {
                var value = stated[column.Code];
                _stated[index] = value;
                _valid[index] = value is { } v && IsValid(column.Kind, v);
                index++;
            }
        }
    }

    public TableDefinition Definition { get; }

    public decimal? Stated(int cell) => _stated[cell];

    public decimal? Usable(int cell) => _valid[cell] ? _stated[cell] : null;

    /// <summary>The sum of the given cells, or null when one of them is not usable.</summary>
    public decimal? Sum(int[] cells)
    {
        decimal sum = 0;
        foreach (var cell in cells)
        {
            if (!_valid[cell])
            {
                return null;
            }

            sum += _stated[cell]!.Value;
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

/// <summary>The figures of every table of a report (and of last year's, when known), read once per validation.</summary>
internal sealed class ReportFigures
{
    private readonly Dictionary<string, TableFigures> _tables = new(StringComparer.Ordinal);

    public ReportFigures(IReportContent report)
    {
        foreach (var table in report.Definition().Tables)
        {
            _tables[table.Code] = new TableFigures(table, report.Table(table.Code));
        }
    }

    public TableFigures? this[string table] => _tables.GetValueOrDefault(table);
}
