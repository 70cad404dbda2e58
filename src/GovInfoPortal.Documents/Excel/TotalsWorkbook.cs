using DocumentFormat.OpenXml.Spreadsheet;
using GovInfoPortal.Core.Domain;
using GovInfoPortal.Core.Formats;
using GovInfoPortal.Core.Formats.Layout;
using GovInfoPortal.Documents.Composition;

namespace GovInfoPortal.Documents.Excel;

/// <summary>One body of the subtree the totals cover, and whether its report is in the sums.</summary>
/// <param name="Status">Where its report of the year stands, as a reviewer reads it (已发布, 草稿, 尚未填报).</param>
public sealed record TotalsBody(string Name, string? Code, bool Included, string Status);

/// <summary>
/// The sums of the published reports of a subtree for one year (city-wide totals), in the year's format.
/// Cells whose column is not <see cref="ColumnDefinition.Summable"/> are left out of the tables.
/// </summary>
public sealed record SubtreeTotals(
    string ScopeName,
    int Year,
    ReportFormat Format,
    int Reports,
    ReportTable ActiveDisclosure,
    ReportTable Applications,
    ReportTable ReviewLitigation,
    IReadOnlyList<TotalsBody> Bodies)
{
    /// <summary>泉州市2023年政府信息公开工作年度报告数据汇总.</summary>
    public string Title => $"{ScopeName}{Year}年政府信息公开工作年度报告数据汇总";

    public FormatDefinition Definition => FormatDefinition.For(Format);

    public ReportTable Table(string tableCode) => tableCode switch
    {
        TableCodes.ActiveDisclosure => ActiveDisclosure,
        TableCodes.Applications => Applications,
        TableCodes.ReviewLitigation => ReviewLitigation,
        _ => throw new ArgumentOutOfRangeException(nameof(tableCode), tableCode, "Unknown table."),
    };
}

/// <summary>
/// The Excel download of city-wide totals: 表二、表三、表四 summed, in the official layout of the report
/// download (<see cref="ExcelRenderer"/>: title row, merged cells, figures as numbers), a sheet 说明 and a
/// sheet 机关名单 listing every body of the subtree with whether its report is included.
/// </summary>
public static class TotalsWorkbook
{
    public const string BodiesSheet = "机关名单";

    public static string FileName(SubtreeTotals totals)
    {
        ArgumentNullException.ThrowIfNull(totals);
        return $"{totals.Title}.xlsx";
    }

    public static byte[] Render(SubtreeTotals totals)
    {
        ArgumentNullException.ThrowIfNull(totals);
        var definition = totals.Definition;
        if (!definition.HasTables)
        {
            throw new ArgumentException("Totals are summed over the tables of the 2019 and 2021 formats only.", nameof(totals));
        }

        var tables = definition.Parts
            .Where(p => p.Table is not null)
            .Select(p => new ExcelRenderer.SheetTable(p.Table!.MessageLabel, p.Heading,
                DocumentTable.For(OfficialTableLayout.For(p.Table), totals.Table(p.Table.Code))))
            .ToList();
        return ExcelRenderer.Write(totals.Title, totals.ScopeName, tables,
        [
            new ExcelRenderer.OtherSheet(ExcelRenderer.InfoSheet, selected => ExcelRenderer.InfoSheetOf(InfoRows(totals), selected)),
            new ExcelRenderer.OtherSheet(BodiesSheet, selected => BodiesSheetOf(totals.Bodies, selected)),
        ]);
    }

    private static List<(string Label, Cell Value)> InfoRows(SubtreeTotals totals)
    {
        var included = totals.Bodies.Count(b => b.Included);
        var rows = new List<(string Label, Cell Value)>
        {
            ("汇总", ExcelRenderer.InfoText(totals.Title)),
            ("汇总范围", ExcelRenderer.InfoText($"{totals.ScopeName}及其下属机关，共 {totals.Bodies.Count} 个机关")),
            ("年度", Number(totals.Year)),
            ("格式", ExcelRenderer.InfoText(totals.Format.DisplayName())),
            ("纳入报告数", Number(totals.Reports)),
            ("未发布报告的机关数", Number(totals.Bodies.Count - included)),
        };

        var excluded = totals.Definition.Tables
            .SelectMany(t => t.Rows.SelectMany(r => r.Columns))
            .Where(c => !c.Summable)
            .Select(c => $"“{c.Label}”")
            .Distinct()
            .ToList();
        var note = "各表为所列机关已发布年度报告的数值之和，按国务院办公厅规定的统计表格式排列；草稿及尚未发布的报告不计入。各机关是否纳入见工作表“机关名单”。";
        if (excluded.Count > 0)
        {
            note += $"表二中{string.Join("、", excluded)}各列反映各机关自身的项目数量及其增减，不宜跨机关相加，汇总表中留空。";
        }

        rows.Add(("说明", ExcelRenderer.InfoText(note)));
        return rows;
    }

    private static Cell Number(int value) =>
        new() { CellValue = new CellValue(value), DataType = CellValues.Number, StyleIndex = ExcelStyles.InfoNumber };

    private static readonly (string Header, double Width)[] BodyColumns = [("机关", 40), ("机关代码", 20), ("是否纳入汇总", 14), ("报告状态", 14)];

    /// <summary>The sheet 机关名单: one ruled row per body, under a frozen heading row.</summary>
    private static Worksheet BodiesSheetOf(IReadOnlyList<TotalsBody> bodies, bool selected)
    {
        var data = new SheetData();
        data.Append(new Row(BodyColumns.Select((column, index) =>
            ExcelRenderer.TextCell($"{ExcelRenderer.ColumnName(index)}1", column.Header, ExcelStyles.ColumnHeader)))
        {
            RowIndex = 1,
        });
        for (var i = 0; i < bodies.Count; i++)
        {
            var body = bodies[i];
            var index = (uint)(i + 2);
            data.Append(new Row(
                ExcelRenderer.TextCell($"A{index}", body.Name, ExcelStyles.RowHeader),
                ExcelRenderer.TextCell($"B{index}", body.Code ?? string.Empty, ExcelStyles.Count),
                ExcelRenderer.TextCell($"C{index}", body.Included ? "是" : "否", ExcelStyles.Count),
                ExcelRenderer.TextCell($"D{index}", body.Status, ExcelStyles.Count))
            {
                RowIndex = index,
            });
        }

        var view = new SheetView { WorkbookViewId = 0, TabSelected = selected };
        view.Append(new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen });
        return new Worksheet(
            new SheetProperties(new PageSetupProperties { FitToPage = true }),
            new SheetViews(view),
            new SheetFormatProperties { DefaultRowHeight = ExcelRenderer.LineHeight + 4 },
            new Columns(BodyColumns.Select((column, index) => new Column
            {
                Min = (uint)(index + 1),
                Max = (uint)(index + 1),
                Width = column.Width,
                CustomWidth = true,
            })),
            data,
            ExcelRenderer.PageMargins(),
            ExcelRenderer.PageSetup());
    }
}
