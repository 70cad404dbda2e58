using System.Text;
using GovInfoPortal.Core.Domain;
using GovInfoPortal.Core.Formats;
using GovInfoPortal.Core.Interchange;

namespace GovInfoPortal.Documents.Tests;

/// <summary>The bulk CSV of every figure: one line per report, one column per cell code of the format, RFC 4180.</summary>
public sealed class FiguresCsvTests
{
    private static string Write(ReportFormat format, params (ReportDocument Report, string[] Path, int Version)[] rows)
    {
        using var buffer = new MemoryStream();
        using (var csv = new FiguresCsv(buffer, format))
        {
            foreach (var (report, path, version) in rows)
            {
                csv.Write(report, path, version);
            }
        }

        var bytes = buffer.ToArray();
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        return Encoding.UTF8.GetString(bytes.AsSpan(3));
    }

    [Theory]
    [InlineData(ReportFormat.Format2021, 10 + (25 * 7) + 15)]
    [InlineData(ReportFormat.Format2019, 22 + (23 * 7) + 15)]
    [InlineData(ReportFormat.Legacy, 0)]
    public void The_header_is_the_identifying_columns_then_every_cell_code_in_definition_order(ReportFormat format, int cells)
    {
        var expected = new List<string> { "organizationCode", "organizationName", "organizationPath", "year", "format", "version", "publishedOn" };
        foreach (var table in FormatDefinition.For(format).Tables)
        {
            foreach (var row in table.Rows)
            {
                expected.AddRange(row.Columns.Select(column => $"{table.Code}|{row.Code}|{column.Code}"));
            }
        }

        Assert.Equal(7 + cells, expected.Count);
        Assert.Equal(string.Join(',', expected) + "\r\n", Write(format));
    }

    [Fact]
    public void A_report_is_one_line_of_its_identity_and_figures_with_empty_cells_empty()
    {
        var report = TestReports.WithEmptyCells;
        var text = Write(report.Format, (report, ["泉州市", report.Organization.Name], 2));
        var lines = text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        var header = lines[0].Split(',');
        var fields = lines[1].Split(',');
        Assert.Equal(header.Length, fields.Length);
        Assert.Equal(report.Organization.Name, fields[1]);
        Assert.Equal($"泉州市/{report.Organization.Name}", fields[2]);
        Assert.Equal("2", fields[5]);
        foreach (var cell in FormatDefinition.For(report.Format).Tables.SelectMany(t => t.Cells))
        {
            var value = report.Table(cell.Table.Code)[cell.Row.Code, cell.Column.Code];
            Assert.Equal(value?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty,
                fields[Array.IndexOf(header, $"{cell.Table.Code}|{cell.Row.Code}|{cell.Column.Code}")]);
        }
    }

    [Fact]
    public void Fields_with_commas_quotes_or_formulas_are_quoted_and_defused()
    {
        var report = TestReports.Quangang2023 with
        {
            Organization = new OrganizationRef("某局,\"试点\"", "=CODE", null),
        };

        var line = Write(report.Format, (report, ["上级", report.Organization.Name], 1)).Split("\r\n")[1];

        Assert.StartsWith("'=CODE,\"某局,\"\"试点\"\"\",\"上级/某局,\"\"试点\"\"\",2023,2021,1,", line, StringComparison.Ordinal);
    }

    [Fact]
    public void A_report_of_another_format_is_refused()
    {
        using var buffer = new MemoryStream();
        using var csv = new FiguresCsv(buffer, ReportFormat.Format2021);
        Assert.Throws<ArgumentException>(() => csv.Write(TestReports.Xiyuan2020, ["泉州市"], 1));
    }
}
