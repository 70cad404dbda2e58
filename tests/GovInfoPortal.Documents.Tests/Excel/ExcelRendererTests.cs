using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using GovInfoPortal.Core.Domain;
using GovInfoPortal.Core.Formats;
using GovInfoPortal.Core.Formats.Layout;
using GovInfoPortal.Core.Interchange;
using GovInfoPortal.Documents.Excel;
using static GovInfoPortal.Documents.Tests.Excel.Workbooks;

namespace GovInfoPortal.Documents.Tests.Excel;

public sealed class ExcelRendererTests
{
    private static SpreadsheetDocument Open(ReportDocument report) => Workbooks.Open(ExcelRenderer.Render(report));

    [Theory]
    [MemberData(nameof(TestReports.Codes), MemberType = typeof(TestReports))]
    public void Has_a_sheet_per_table_and_a_sheet_about_the_report(string code)
    {
        var report = TestReports.ByCode(code);

        using var document = Open(report);

        Assert.Empty(new OpenXmlValidator(FileFormatVersions.Office2019).Validate(document));
        var names = document.WorkbookPart!.Workbook!.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value).ToList();
        Assert.Equal(report.Definition().HasTables ? ["表二", "表三", "表四", "说明"] : ["统计数据", "说明"], names);
        var info = Sheet(document, "说明");
        Assert.Equal(report.Organization.Name, CellAt(info, "B2").InnerText);
        Assert.Equal(report.Year, (int)Number(info, "B5"));
        Assert.Equal(report.Format.DisplayName(), CellAt(info, "B6").InnerText);
    }

    [Fact]
    public void The_about_sheet_names_the_publication_date_as_a_date()
    {
        using var document = Open(TestReports.Quangang2023);

        var info = Sheet(document, "说明");
        Assert.Equal("发布日期", CellAt(info, "A7").InnerText);
        Assert.Equal(new DateOnly(2024, 1, 10), DateOnly.FromDateTime(DateTime.FromOADate((double)Number(info, "B7"))));
    }

    [Fact]
    public void Table_three_has_the_official_merged_cells_and_its_figures_as_numbers()
    {
        using var document = Open(TestReports.Quangang2023);
        var sheet = Sheet(document, "表三");

        var merges = Merges(sheet);
        string[] expected =
        [
            "A1:J1", "A2:J2", // title and heading
            "A3:C5", "D3:J3", "D4:D5", "E4:I4", "J4:J5", // the note, 申请人情况, 自然人, 法人或其他组织, 总计
            "A6:C6", "A7:C7", // 一、二、
            "A8:A29", "B8:C8", "B9:C9", // 三、本年度办理结果 over its 22 rows; （一）（二）
            "B10:B17", "B18:B20", "B21:B25", "B26:B28", "B29:C29", // （三）–（六） over their sub-rows; （七）
            "A30:C30", // 四、
        ];
        Assert.Equal(expected.Order(), merges.Order());
        var layout = OfficialTableLayout.For(TestReports.Quangang2023.Definition().Applications);
        Assert.Equal(layout.Rows.SelectMany(r => r.Cells).Count(c => c.RowSpan > 1 || c.ColumnSpan > 1) + 2, merges.Count);

        Assert.Equal("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", CellAt(sheet, "A3").InnerText);
        Assert.Equal("商业企业", CellAt(sheet, "E5").InnerText);
        Assert.Equal(26m, Number(sheet, "D6")); // 一、本年新收·自然人
        Assert.Equal(26m, Number(sheet, "J6")); // 总计
        Assert.Equal(20m, Number(sheet, "D8")); // （一）予以公开
        Assert.Equal(1m, Number(sheet, "D14")); // （三）5.属于三类内部事务信息
        Assert.Equal(2m, Number(sheet, "D18")); // （四）1.本机关不掌握相关政府信息
        Assert.Equal(26m, Number(sheet, "D29")); // （七）总计
        Assert.Equal(0m, Number(sheet, "J30")); // 四、结转下年度继续办理·总计
    }

    [Fact]
    public void Table_three_freezes_its_heading_rows_and_label_columns()
    {
        using var document = Open(TestReports.Quangang2023);

        var pane = Sheet(document, "表三").Descendants<Pane>().Single();
        Assert.Equal(PaneStateValues.Frozen, pane.State!.Value);
        Assert.Equal(5, pane.VerticalSplit!.Value);
        Assert.Equal(3, pane.HorizontalSplit!.Value);
        Assert.Equal("D6", pane.TopLeftCell!.Value);
    }

    [Fact]
    public void Table_two_has_its_blocks_and_the_fees_with_decimals()
    {
        using var document = Open(TestReports.Quangang2023);
        var sheet = Sheet(document, "表二");

        var merges = Merges(sheet);
        Assert.Contains("A3:D3", merges); // 第二十条第（一）项 across the table
        Assert.Contains("B9:D9", merges); // 行政许可's one figure spans the width
        Assert.Equal("第二十条第（一）项", CellAt(sheet, "A3").InnerText);
        Assert.Equal("本年制发件数", CellAt(sheet, "B4").InnerText);
        Assert.Equal((11m, 38m, 216m), (Number(sheet, "B6"), Number(sheet, "C6"), Number(sheet, "D6")));
        Assert.Equal(1717m, Number(sheet, "B9"));
        Assert.Equal(336m, Number(sheet, "B12"));
        Assert.Equal(23m, Number(sheet, "B13"));
        Assert.Equal(435.18246m, Number(sheet, "B16"));

        var styles = document.WorkbookPart!.WorkbookStylesPart!.Stylesheet!;
        var format = styles.CellFormats!.Elements<CellFormat>().ElementAt((int)CellAt(sheet, "B16").StyleIndex!.Value);
        var code = styles.NumberingFormats!.Elements<NumberingFormat>().Single(n => n.NumberFormatId!.Value == format.NumberFormatId!.Value).FormatCode!.Value;
        Assert.Equal("0.00###", code);
    }

    [Fact]
    public void Table_four_has_fifteen_figures_under_three_heading_rows()
    {
        using var document = Open(TestReports.Quangang2023);
        var sheet = Sheet(document, "表四");

        Assert.Equal(["A1:O1", "A2:O2", "A3:E3", "A4:A5", "B4:B5", "C4:C5", "D4:D5", "E4:E5", "F3:O3", "F4:J4", "K4:O4"], Merges(sheet).Order(StringComparer.Ordinal));
        Assert.Equal("未经复议直接起诉", CellAt(sheet, "F4").InnerText);
        Assert.Equal([0m, 0m, 0m, 0m, 0m, 1m, 3m, 0m, 0m, 4m, 0m, 0m, 0m, 0m, 0m],
            Enumerable.Range(0, 15).Select(i => Number(sheet, ExcelRenderer.ColumnName(i) + "6")));
    }

    [Fact]
    public void Empty_cells_have_no_value_but_keep_their_border()
    {
        using var document = Open(TestReports.WithEmptyCells);
        var sheet = Sheet(document, "表三");

        Assert.Equal(7m, Number(sheet, "D6"));
        var empty = CellAt(sheet, "E6");
        Assert.Null(empty.CellValue);
        Assert.Equal(CellAt(sheet, "D6").StyleIndex!.Value, empty.StyleIndex!.Value);
    }

    [Fact]
    public void A_legacy_report_has_its_headline_figures()
    {
        using var document = Open(TestReports.Qingyang2018);
        var sheet = Sheet(document, "统计数据");

        Assert.Equal("统计指标", CellAt(sheet, "A3").InnerText);
        var row = sheet.Descendants<Row>().Single(r => r.Elements<Cell>().First().InnerText == "主动公开文件数");
        Assert.Equal(158m, decimal.Parse(row.Elements<Cell>().ElementAt(1).CellValue!.Text, CultureInfo.InvariantCulture));
        Assert.Equal("晋江市青阳街道办事处2018年政府信息公开工作年度报告.pdf", CellAt(Sheet(document, "说明"), "B9").InnerText);
    }
}
