using System.Globalization;
using GovInfoPortal.Core.Domain;
using GovInfoPortal.Core.Formats;
using GovInfoPortal.Core.Interchange;

namespace GovInfoPortal.Documents;

/// <summary>
/// The bulk CSV of every figure: one row per report, the columns that identify it (<see cref="IdentifyingColumns"/>),
/// then one column per cell of the format's official tables, named by its cell code <c>table|row|column</c>, in the
/// order of the format definition (表二, 表三, 表四; rows and columns in form order). The columns follow one format:
/// reports of different formats go into CSVs of their own. An empty cell is an empty field. RFC 4180, UTF-8 with a
/// byte order mark (<see cref="Csv"/>).
/// </summary>
public sealed class FiguresCsv : IDisposable
{
    public const string ContentType = CsvReportRenderer.ContentType;

    /// <summary>The leading columns: who, which year, which format, which published version, published when.</summary>
    public static readonly IReadOnlyList<string> IdentifyingColumns =
        ["organizationCode", "organizationName", "organizationPath", "year", "format", "version", "publishedOn"];

    /// <summary>Between the names of <c>organizationPath</c>, from the top of the tree down to the body itself.</summary>
    public const string PathSeparator = "/";

    private readonly StreamWriter _writer;
    private readonly IReadOnlyList<CellDefinition> _cells;

    /// <summary>Starts a CSV of reports in <paramref name="format"/>: writes the byte order mark and the header.</summary>
    public FiguresCsv(Stream output, ReportFormat format)
    {
        ArgumentNullException.ThrowIfNull(output);
        Format = format;
        _cells = CellsOf(format);
        _writer = Csv.Writer(output);
        Csv.WriteLine(_writer, Header(format));
    }

    public ReportFormat Format { get; }

    /// <summary>How many report rows were written.</summary>
    public int Rows { get; private set; }

    /// <summary>The cell codes of a format, in the order of its definition: the CSV's columns after the identifying ones.</summary>
    public static IReadOnlyList<string> CellColumns(ReportFormat format) =>
        [.. CellsOf(format).Select(cell => new CellRef(cell.Table.Code, cell.Row.Code, cell.Column.Code).Key)];

    /// <summary>The header row of a format's CSV.</summary>
    public static IReadOnlyList<string> Header(ReportFormat format) => [.. IdentifyingColumns, .. CellColumns(format)];

    private static IReadOnlyList<CellDefinition> CellsOf(ReportFormat format) =>
        [.. FormatDefinition.For(format).Tables.SelectMany(table => table.Cells)];

    /// <summary>One report's row. <paramref name="path"/> names the bodies from the top of the tree down to the report's own.</summary>
    public void Write(ReportDocument report, IReadOnlyList<string> path, int version)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(path);
        if (report.Format != Format)
        {
            throw new ArgumentException($"A report in format {report.Format.Code()} in the CSV of format {Format.Code()}.", nameof(report));
        }

        var fields = new List<string>(IdentifyingColumns.Count + _cells.Count)
        {
            report.Organization.Code ?? string.Empty,
            report.Organization.Name,
            string.Join(PathSeparator, path),
            report.Year.ToString(CultureInfo.InvariantCulture),
            report.Format.Code(),
            version.ToString(CultureInfo.InvariantCulture),
            report.PublishedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? string.Empty,
        };
        foreach (var cell in _cells)
        {
            fields.Add(report.Table(cell.Table.Code)[cell.Row.Code, cell.Column.Code]?.ToString(CultureInfo.InvariantCulture) ?? string.Empty);
        }

        Csv.WriteLine(_writer, fields);
        Rows++;
    }

    /// <summary>Writes out what is buffered (the stream stays open).</summary>
    public void Flush() => _writer.Flush();

    public void Dispose() => _writer.Dispose();
}
