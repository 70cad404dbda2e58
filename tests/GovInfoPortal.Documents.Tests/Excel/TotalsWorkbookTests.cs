using System.IO.Compression;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using GovInfoPortal.Core.Domain;
using GovInfoPortal.Core.Formats;
using GovInfoPortal.Core.Formats.Layout;
using GovInfoPortal.Documents.Composition;
using GovInfoPortal.Documents.Excel;
using static GovInfoPortal.Documents.Tests.Excel.Workbooks;

namespace GovInfoPortal.Documents.Tests.Excel;

public sealed class TotalsWorkbookTests
{
    private static readonly TotalsBody[] Bodies =
    [
        new("晋江市人民政府", "350582", true, "已发布"),
        new("晋江市西园街道办事处", "350582003", true, "已发布"),
        new("晋江市青阳街道办事处", "350582001", false, "草稿"),
        new("晋江市安海镇人民政府", null, false, "尚未填报"),
    ];

    /// <summary>Totals in the 2021 format: the demo report's figures, doubled as if two bodies had stated them.</summary>
    private static SubtreeTotals Totals2021()
    {
        var report = TestReports.Quangang2023;
        ReportTable Doubled(ReportTable table) =>
            ReportTable.FromCells(table.Rows.SelectMany(row => row.Value.Cells.Select(cell => (row.Key, cell.Key, cell.Value * 2))));
        return new SubtreeTotals("晋江市", 2023, ReportFormat.Format2021, 2,
            Doubled(report.ActiveDisclosure), Doubled(report.Applications), Doubled(report.ReviewLitigation), Bodies);
    }

    private static SpreadsheetDocument Open(SubtreeTotals totals) => Workbooks.Open(TotalsWorkbook.Render(totals));

    [Fact]
    public void Is_a_valid_workbook_of_the_three_tables_the_facts_and_the_bodies()
    {
        using var document = Open(Totals2021());

        Assert.Empty(new OpenXmlValidator(FileFormatVersions.Office2019).Validate(document));
        Assert.Equal(["表二", "表三", "表四", "说明", "机关名单"],
            document.WorkbookPart!.Workbook!.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value));
        Assert.Equal("晋江市2023年政府信息公开工作年度报告数据汇总", document.PackageProperties.Title);
    }

    [Fact]
    public void Every_sum_stands_at_its_address_in_the_official_layout_with_the_merged_cells()
    {
        var totals = Totals2021();
        using var document = Open(totals);

        foreach (var table in totals.Definition.Tables)
        {
            var sheet = Sheet(document, table.MessageLabel);
            Assert.Equal(totals.Title, CellAt(sheet, "A1").InnerText);
            var grid = DocumentTable.For(OfficialTableLayout.For(table), totals.Table(table.Code));
            var merges = Merges(sheet);
            foreach (var cell in grid.Cells.Where(c => c.RowSpan > 1 || c.ColumnSpan > 1))
            {
                Assert.Contains($"{ExcelRenderer.Reference(cell.Row, cell.Column)}:{ExcelRenderer.Reference(cell.LastRow, cell.LastColumn)}", merges);
            }

            foreach (var cell in grid.ValueCells)
            {
                Assert.Equal(totals.Table(table.Code)[cell.Cell!.Row.Code, cell.Cell.Column.Code], Number(sheet, ExcelRenderer.Reference(cell.Row, cell.Column)));
            }
        }

        // By hand, for a few cells: 表三 一、本年新收·自然人 26 × 2, （七）总计; 表二 收费 435.18246 × 2; 表四 直接起诉·总计 4 × 2.
        Assert.Equal(52m, Number(Sheet(document, "表三"), "D6"));
        Assert.Equal(52m, Number(Sheet(document, "表三"), "D29"));
        Assert.Contains("A8:A29", Merges(Sheet(document, "表三")));
        Assert.Equal(870.36492m, Number(Sheet(document, "表二"), "B16"));
        Assert.Equal(8m, Number(Sheet(document, "表四"), "J6"));
    }

    [Fact]
    public void The_2019_columns_that_do_not_add_up_are_left_blank_and_explained()
    {
        var totals = new SubtreeTotals("晋江市", 2020, ReportFormat.Format2019, 1,
            ReportTable.Empty.With("licensing", "decisions", 12).With("procurement", "amount", 3.5m),
            ReportTable.Empty, ReportTable.Empty, Bodies);

        using var document = Open(totals);

        var sheet = Sheet(document, "表二");
        var grid = DocumentTable.For(OfficialTableLayout.For(totals.Definition.ActiveDisclosure), totals.ActiveDisclosure);
        string Address(string row, string column)
        {
            var cell = grid.ValueCells.Single(c => c.Cell!.Row.Code == row && c.Cell.Column.Code == column);
            return ExcelRenderer.Reference(cell.Row, cell.Column);
        }

        Assert.Equal(12m, Number(sheet, Address("licensing", "decisions")));
        Assert.Equal(3.5m, Number(sheet, Address("procurement", "amount")));
        Assert.Null(Number(sheet, Address("licensing", "previous")));
        Assert.Null(Number(sheet, Address("fees", "change")));
        var about = Sheet(document, "说明").Descendants<Row>().Single(r => r.Elements<Cell>().First().InnerText == "说明");
        Assert.Contains("“上一年项目数量”、“本年增/减”", about.InnerText, StringComparison.Ordinal);
    }

    [Fact]
    public void Names_every_body_and_whether_its_report_is_included()
    {
        using var document = Open(Totals2021());

        var about = Sheet(document, "说明");
        Assert.Equal(2m, Number(about, "B5"));
        Assert.Equal(2m, Number(about, "B6"));
        var bodies = Sheet(document, TotalsWorkbook.BodiesSheet);
        Assert.Equal(["机关", "机关代码", "是否纳入汇总", "报告状态"], bodies.Descendants<Row>().First().Elements<Cell>().Select(c => c.InnerText));
        Assert.Equal(["晋江市青阳街道办事处", "350582001", "否", "草稿"], bodies.Descendants<Row>().ElementAt(3).Elements<Cell>().Select(c => c.InnerText));
        Assert.Equal(Bodies.Length + 1, bodies.Descendants<Row>().Count());
    }

    private static async IAsyncEnumerable<TotalsBody> Streamed(IEnumerable<TotalsBody> bodies)
    {
        foreach (var body in bodies)
        {
            await Task.Yield();
            yield return body;
        }
    }

    /// <summary>Each part's text by name, relationship ids and the core properties' name (random in every package) put aside.</summary>
    private static Dictionary<string, string> Parts(byte[] workbook)
    {
        using var zip = new ZipArchive(new MemoryStream(workbook), ZipArchiveMode.Read);
        return zip.Entries.ToDictionary(
            e => Regex.Replace(e.FullName, "[0-9a-f]{32}", "*"),
            e =>
            {
                using var reader = new StreamReader(e.Open());
                return Regex.Replace(Regex.Replace(reader.ReadToEnd(), "\"R[0-9a-f]{16}\"", "\"R*\""), "[0-9a-f]{32}", "*");
            });
    }

    [Fact]
    public async Task Written_as_the_bodies_come_it_has_every_body_and_the_parts_of_the_workbook_made_in_memory()
    {
        var many = Enumerable.Range(1, 5000)
            .Select(i => new TotalsBody($"合成机关{i}", i % 7 == 0 ? null : $"SYN{i:D7}", i % 3 != 0, i % 3 != 0 ? "已发布" : "尚未填报"))
            .ToArray();
        var totals = Totals2021() with { Bodies = many };
        using var file = new MemoryStream();

        await TotalsWorkbook.WriteAsync(totals with { Bodies = [] }, Streamed(many), file);

        var streamed = file.ToArray();
        Assert.Equal(Parts(TotalsWorkbook.Render(totals)), Parts(streamed));
        using var document = Workbooks.Open(streamed);
        Assert.Empty(new OpenXmlValidator(FileFormatVersions.Office2019).Validate(document));
        var about = Sheet(document, "说明");
        Assert.Equal("晋江市及其下属机关，共 5000 个机关", CellAt(about, "B2").InnerText);
        Assert.Equal(many.Count(b => !b.Included), Number(about, "B6"));
        var rows = Sheet(document, TotalsWorkbook.BodiesSheet).Descendants<Row>().ToList();
        Assert.Equal(many.Length + 1, rows.Count);
        Assert.Equal(["合成机关4998", "", "否", "尚未填报"], rows[^3].Elements<Cell>().Select(c => c.InnerText));
        Assert.Equal("D5001", rows[^1].Elements<Cell>().Last().CellReference);
    }

    [Fact]
    public void A_year_without_tables_has_no_totals_workbook() =>
        Assert.Throws<ArgumentException>(() => TotalsWorkbook.Render(new SubtreeTotals("晋江市", 2018, ReportFormat.Legacy, 0,
            ReportTable.Empty, ReportTable.Empty, ReportTable.Empty, Bodies)));
}
