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
        var kinds = Plans<CellKind[]>.For(definition, static table => [.. table.Cells.Select(cell => cell.Column.Kind)]);
        _stated = new decimal?[kinds.Length];
        _valid = new bool[kinds.Length];
        values.ReadInto(definition.Rows, _stated);
        var usable = 0;
        for (var i = 0; i < _stated.Length; i++)
        {
            if (_stated[i] is { } v && IsValid(kinds[i], v))
            {
                _valid[i] = true;
                usable++;
            }
        }

        AllUsable = usable == _stated.Length;
    }

    /// <summary>Whether every cell is filled in and valid (as a finished report's are).</summary>
    public bool AllUsable { get; }

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
        CellKind.Count => IsNotNegative(value) && IsWhole(value),
        CellKind.SignedCount => IsWhole(value),
        CellKind.Amount => IsNotNegative(value),
        _ => false,
    };

    /// <summary><c>value >= 0</c> from the sign bit (-0 is not below 0): compared only when negative.</summary>
    private static bool IsNotNegative(decimal value) => !decimal.IsNegative(value) || value == decimal.Zero;

    /// <summary>Whether the value is a whole number; one written without decimals is, without a division.</summary>
    private static bool IsWhole(decimal value) => value.Scale == 0 || decimal.Truncate(value) == value;
}

/// <summary>The figures of every table of a report (and of last year's, when known), read once per validation.</summary>
internal sealed class ReportFigures
{
    private readonly TableFigures[] _tables;

    public ReportFigures(IReportContent report)
    {
        var tables = report.Definition().Tables;
        _tables = new TableFigures[tables.Count];
        for (var i = 0; i < _tables.Length; i++)
        {
            _tables[i] = new TableFigures(tables[i], report.Table(tables[i].Code));
        }
    }

    public TableFigures? this[string table]
    {
        get
        {
            foreach (var figures in _tables)
            {
                if (string.Equals(figures.Definition.Code, table, StringComparison.Ordinal))
                {
                    return figures;
                }
            }

            return null;
        }
    }
}
