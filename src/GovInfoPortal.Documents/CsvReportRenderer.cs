using System.Globalization;
using System.Text;
using GovInfoPortal.Core.Domain;
using GovInfoPortal.Core.Formats;
using GovInfoPortal.Core.Interchange;

namespace GovInfoPortal.Documents;

/// <summary>
/// Every cell of a report's tables as CSV (RFC 4180), one line per cell with its codes and official labels.
/// UTF-8 with a byte order mark so that spreadsheet programs read the Chinese labels correctly.
/// </summary>
public static class CsvReportRenderer
{
    public const string ContentType = "text/csv; charset=utf-8";

    private static readonly string[] Header =
        ["机关", "机关代码", "年度", "格式", "表", "表代码", "行代码", "行", "列代码", "列", "数值"];

    public static void Render(ReportDocument report, Stream output)
    {
        ArgumentNullException.ThrowIfNull(report);
        using var writer = Csv.Writer(output);
        Csv.WriteLine(writer, Header);

        string[] prefix =
        [
            report.Organization.Name,
            report.Organization.Code ?? string.Empty,
            report.Year.ToString(CultureInfo.InvariantCulture),
            report.Format.Code(),
        ];

        foreach (var table in report.Definition().Tables)
        {
            var values = report.Table(table.Code);
            foreach (var cell in table.Cells)
            {
                var value = values[cell.Row.Code, cell.Column.Code];
                Csv.WriteLine(writer,
                [
                    .. prefix,
                    $"{table.MessageLabel} {table.Title}",
                    table.Code,
                    cell.Row.Code,
                    RowLabel(cell.Row),
                    cell.Column.Code,
                    cell.Column.Label,
                    value?.ToString(CultureInfo.InvariantCulture) ?? string.Empty,
                ]);
            }
        }

        foreach (var (name, value) in report.LegacyFigures.Cells)
        {
            Csv.WriteLine(writer, [.. prefix, "统计附表", "legacyFigures", name, name, "value", "数值", value?.ToString(CultureInfo.InvariantCulture) ?? string.Empty]);
        }
    }

    public static string Render(ReportDocument report)
    {
        using var buffer = new MemoryStream();
        Render(report, buffer);
        return new UTF8Encoding(false).GetString(buffer.ToArray()).TrimStart('\uFEFF');
    }

    private static string RowLabel(RowDefinition row) =>
        string.Join(" ", new[] { row.BlockTitle, row.SectionLabel, row.GroupLabel, row.Label }.Where(part => part is not null));
}
