using System.Buffers;
using System.Globalization;
using System.Text.Json;
using GovInfoPortal.Core.Domain;
using GovInfoPortal.Core.Formats;

namespace GovInfoPortal.Data.Statistics;

/// <summary>
/// The totals of a set of published reports of one year as they are kept and combined: the number of reports, the
/// number in the year's format, and for each cell of that format its sum and how many reports filled it in (so that
/// a cell nobody filled in stays empty, as an SQL <c>SUM</c> over no values is, and not 0). Adding and subtracting
/// these is how a publication changes its organization's row and every ancestor's.
/// </summary>
public sealed class SubtreeSums
{
    public const string EmptyJson = "{}";

    private const char KeySeparator = '|';

    private readonly Dictionary<string, (decimal Sum, int Filled)> _cells;

    private SubtreeSums(int reports, int tabled, Dictionary<string, (decimal Sum, int Filled)> cells)
    {
        Reports = reports;
        Tabled = tabled;
        _cells = cells;
    }

    public static SubtreeSums Zero() => new(0, 0, new Dictionary<string, (decimal, int)>(StringComparer.Ordinal));

    public int Reports { get; private set; }

    public int Tabled { get; private set; }

    public bool IsZero => Reports == 0 && Tabled == 0 && _cells.Count == 0;

    /// <summary>The key of a cell in <see cref="OrganizationYearTotal.Sums"/>: <c>applications|granted|naturalPerson</c>.</summary>
    public static string Key(CellDefinition cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        return string.Concat(cell.Table.Code, KeySeparator.ToString(), cell.Row.Code, KeySeparator.ToString(), cell.Column.Code);
    }

    /// <summary>
    /// What one published report adds to its year's totals: one report, and when it is in the year's format (the
    /// only one whose tables are summed) one tabled report and its filled-in cells.
    /// </summary>
    public static SubtreeSums OfReport(int year, ReportFormat format, ReportTable activeDisclosure, ReportTable applications, ReportTable reviewLitigation)
    {
        var sums = Zero();
        sums.Reports = 1;
        var definition = FormatDefinition.For(ReportFormats.ForYear(year));
        if (format != definition.Format || !definition.HasTables)
        {
            return sums;
        }

        sums.Tabled = 1;
        foreach (var table in definition.Tables)
        {
            var values = table.Code switch
            {
                TableCodes.ActiveDisclosure => activeDisclosure,
                TableCodes.Applications => applications,
                _ => reviewLitigation,
            };
            foreach (var cell in table.Cells)
            {
                if (values[cell.Row.Code, cell.Column.Code] is { } value)
                {
                    sums._cells[Key(cell)] = (value, 1);
                }
            }
        }

        return sums;
    }

    /// <summary>The totals stored in a row.</summary>
    public static SubtreeSums Parse(int reports, int tabled, string? json)
    {
        var sums = Zero();
        sums.Reports = reports;
        sums.Tabled = tabled;
        if (string.IsNullOrWhiteSpace(json))
        {
            return sums;
        }

        using var document = JsonDocument.Parse(json);
        foreach (var property in document.RootElement.EnumerateObject())
        {
            if (property.Value.ValueKind != JsonValueKind.Array || property.Value.GetArrayLength() != 2)
            {
                continue;
            }

            var (sum, filled) = (property.Value[0].GetDecimal(), property.Value[1].GetInt32());
            if (filled != 0 || sum != 0)
            {
                sums._cells[property.Name] = (sum, filled);
            }
        }

        return sums;
    }

    /// <summary>Adds <paramref name="other"/> (or takes it away, with <paramref name="sign"/> −1); a cell left with nothing is dropped.</summary>
    public void Add(SubtreeSums other, int sign = 1)
    {
        ArgumentNullException.ThrowIfNull(other);
        Reports += sign * other.Reports;
        Tabled += sign * other.Tabled;
        foreach (var (key, (sum, filled)) in other._cells)
        {
            var (currentSum, currentFilled) = _cells.GetValueOrDefault(key);
            // A change may leave a cell's count alone and move its sum (a corrected figure): only both at 0 is nothing.
            var next = (Sum: currentSum + (sign * sum), Filled: currentFilled + (sign * filled));
            if (next.Filled == 0 && next.Sum == 0)
            {
                _cells.Remove(key);
            }
            else
            {
                _cells[key] = next;
            }
        }
    }

    /// <summary>The negation: what taking these reports away adds.</summary>
    public SubtreeSums Negated()
    {
        var negated = Zero();
        negated.Add(this, -1);
        return negated;
    }

    public bool SameAs(SubtreeSums other) =>
        Reports == other.Reports && Tabled == other.Tabled && _cells.Count == other._cells.Count &&
        _cells.All(pair => other._cells.TryGetValue(pair.Key, out var value) && value == pair.Value);

    /// <summary>The JSON of <see cref="OrganizationYearTotal.Sums"/>, cells in key order.</summary>
    public string ToJson()
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var (key, (sum, filled)) in _cells.OrderBy(pair => pair.Key, StringComparer.Ordinal))
            {
                writer.WriteStartArray(key);
                writer.WriteNumberValue(sum);
                writer.WriteNumberValue(filled);
                writer.WriteEndArray();
            }

            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>The totals in the year's format: each cell's sum, empty where no report filled it in.</summary>
    public TableTotals ToTotals(int year)
    {
        var definition = FormatDefinition.For(ReportFormats.ForYear(year));
        if (!definition.HasTables)
        {
            return TableTotals.None;
        }

        ReportTable Table(string code) => definition.FindTable(code) is { } table
            ? ReportTable.FromCells(table.Cells.Select(cell => (cell.Row.Code, cell.Column.Code,
                _cells.TryGetValue(Key(cell), out var value) && value.Filled > 0 ? value.Sum : (decimal?)null)))
            : ReportTable.Empty;

        return new TableTotals(Tabled, Table(TableCodes.ActiveDisclosure), Table(TableCodes.Applications), Table(TableCodes.ReviewLitigation));
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Reports} reports, {Tabled} tabled, {_cells.Count} cells");
}
