using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using GovInfoPortal.Core.Domain;
using GovInfoPortal.Core.Formats;
using GovInfoPortal.Core.Formats.Layout;
using GovInfoPortal.Core.Interchange;
using GovInfoPortal.Documents.Composition;

namespace GovInfoPortal.Documents.Excel;

/// <summary>
/// The Excel download: one sheet per table (表二、表三、表四) in the official layout — merged cells, ruled
/// borders, wrapped labels, figures as numbers, the title rows and headings frozen — and a sheet 说明 naming
/// the report. A legacy report has a sheet of its headline figures instead of the tables.
/// </summary>
public sealed class ExcelRenderer : IReportRenderer
{
    public const string MediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public const string InfoSheet = "说明";

    public const string LegacySheet = "统计数据";

    /// <summary>Rows above a table: the report's title and the part's heading.</summary>
    public const int TitleRows = 2;

    /// <summary>Text lines in a cell are about this many points apart in 11 pt 宋体.</summary>
    internal const double LineHeight = 14.3;

    private const double CellPadding = 3;

    public string Extension => "xlsx";

    public string ContentType => MediaType;

    public Task RenderAsync(ReportDocument report, Stream output, CancellationToken cancellationToken = default) =>
        RenderedOutput.CopyAsync(Render(report), output, cancellationToken);

    /// <summary>A sheet holding one official table under the workbook's title and the part's heading.</summary>
    internal sealed record SheetTable(string Name, string Heading, DocumentTable Table);

    /// <summary>A sheet after the tables (说明 …), built once it is known whether it is the selected one.</summary>
    internal sealed record OtherSheet(string Name, Func<bool, Worksheet> Build);

    public static byte[] Render(ReportDocument report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var title = ReportFileNames.Title(report);
        return Write(title, report.Organization.Name, [.. Tables(report)],
            [new OtherSheet(InfoSheet, selected => InfoSheetOf(report, title, selected))]);
    }

    /// <summary>
    /// A workbook of official tables in their printed layout, one sheet each with the title and part heading
    /// above (repeated on every printed page), followed by the other sheets; the first sheet is selected.
    /// </summary>
    internal static byte[] Write(string title, string creator, IReadOnlyList<SheetTable> tables, IReadOnlyList<OtherSheet> others)
    {
        using var buffer = new MemoryStream();
        using (var package = SpreadsheetDocument.Create(buffer, SpreadsheetDocumentType.Workbook))
        {
            var parts = Start(package, title, creator, tables, [.. others.Select(o => o.Name)]);
            for (var i = 0; i < others.Count; i++)
            {
                parts[i].Part.Worksheet = others[i].Build(parts[i].Selected);
            }
        }

        return buffer.ToArray();
    }

    /// <summary>
    /// Starts a workbook of <see cref="Write"/>'s layout: the table sheets written, the other sheets' parts
    /// made in their order and handed back to be written, with whether each is the selected (first) sheet.
    /// </summary>
    internal static IReadOnlyList<(WorksheetPart Part, bool Selected)> Start(SpreadsheetDocument package, string title, string creator,
        IReadOnlyList<SheetTable> tables, IReadOnlyList<string> otherSheets)
    {
        package.PackageProperties.Title = title;
        package.PackageProperties.Creator = creator;
        package.PackageProperties.Language = "zh-CN";

        var workbook = package.AddWorkbookPart();
        workbook.Workbook = new Workbook();
        workbook.AddNewPart<WorkbookStylesPart>().Stylesheet = ExcelStyles.Create();

        var sheets = new Sheets();
        var printTitles = new DefinedNames();
        uint sheetId = 1;
        foreach (var table in tables)
        {
            var part = workbook.AddNewPart<WorksheetPart>();
            part.Worksheet = TableSheet(title, table, selected: sheetId == 1);
            sheets.Append(new Sheet { Name = table.Name, SheetId = sheetId, Id = workbook.GetIdOfPart(part) });
            var headingRows = TitleRows + table.Table.HeaderRowCount;
            printTitles.Append(new DefinedName($"'{table.Name}'!$1:${headingRows}") { Name = "_xlnm.Print_Titles", LocalSheetId = sheetId - 1 });
            sheetId++;
        }

        var others = new List<(WorksheetPart Part, bool Selected)>(otherSheets.Count);
        foreach (var name in otherSheets)
        {
            var part = workbook.AddNewPart<WorksheetPart>();
            others.Add((part, sheetId == 1));
            sheets.Append(new Sheet { Name = name, SheetId = sheetId, Id = workbook.GetIdOfPart(part) });
            sheetId++;
        }

        workbook.Workbook.Append(sheets);
        if (printTitles.HasChildren)
        {
            workbook.Workbook.Append(printTitles);
        }

        return others;
    }

    private static IEnumerable<SheetTable> Tables(ReportDocument report)
    {
        var definition = report.Definition();
        if (!definition.HasTables)
        {
            if (!report.LegacyFigures.IsEmpty)
            {
                var figures = DocumentTable.ForLegacyFigures(report.LegacyFigures);
                yield return new SheetTable(LegacySheet, figures.Caption, figures);
            }

            yield break;
        }

        foreach (var part in definition.Parts.Where(p => p.Table is not null))
        {
            var table = part.Table!;
            yield return new SheetTable(table.MessageLabel, part.Heading, DocumentTable.For(OfficialTableLayout.For(table), report.Table(table.Code)));
        }
    }

    private static Worksheet TableSheet(string title, SheetTable sheet, bool selected)
    {
        var table = sheet.Table;
        var em = ExcelStyles.FontSize;
        var widths = TableGeometry.ColumnWidths(table, OfficialPage.TextWidth * em / OfficialPage.TableSize, em);
        var padding = 2 * TableGeometry.PaddingEms * em;
        var heights = TableGeometry.RowHeights(
            table,
            cell => (TextWidth.Lines(cell.Text, (TableGeometry.Width(cell, widths) - padding) / em) * LineHeight) + (2 * CellPadding),
            LineHeight + (2 * CellPadding));

        var data = new SheetData();
        var lastColumn = ColumnName(table.ColumnCount - 1);
        data.Append(TextRow(1, 24, [(title, ExcelStyles.Title)]));
        data.Append(TextRow(2, 20, [(sheet.Heading, ExcelStyles.Heading)]));
        var merges = new List<string> { $"A1:{lastColumn}1", $"A2:{lastColumn}2" };

        for (var row = 0; row < table.RowCount; row++)
        {
            var excelRow = new Row { RowIndex = (uint)(row + TitleRows + 1), Height = Math.Round(heights[row], 1), CustomHeight = true };
            for (var column = 0; column < table.ColumnCount; column++)
            {
                var cell = table.At(row, column) ?? throw new InvalidOperationException($"Table {table.Code} has no cell at row {row}, column {column}.");
                var reference = Reference(row, column);
                var style = ExcelStyles.ForCell(cell);
                if (cell.Row != row || cell.Column != column)
                {
                    // Covered by a merged cell: empty, but ruled like it so the merged area keeps its border.
                    excelRow.Append(new Cell { CellReference = reference, StyleIndex = style });
                    continue;
                }

                excelRow.Append(cell.Role == GridCellRole.Value ? NumberCell(reference, cell.Number, style) : TextCell(reference, cell.Text, style));
                if (cell.RowSpan > 1 || cell.ColumnSpan > 1)
                {
                    merges.Add($"{reference}:{Reference(cell.LastRow, cell.LastColumn)}");
                }
            }

            data.Append(excelRow);
        }

        var frozenRows = TitleRows + table.HeaderRowCount;
        var frozenColumns = table.LeadingLabelColumns;
        return new Worksheet(
            new SheetProperties(new PageSetupProperties { FitToPage = true }),
            new SheetViews(SheetView(frozenRows, frozenColumns, selected)),
            new SheetFormatProperties { DefaultRowHeight = LineHeight },
            new Columns(widths.Select((width, index) => new Column
            {
                Min = (uint)(index + 1),
                Max = (uint)(index + 1),
                Width = ColumnWidth(width),
                CustomWidth = true,
            })),
            data,
            new MergeCells(merges.Select(m => new MergeCell { Reference = m })) { Count = (uint)merges.Count },
            PageMargins(),
            PageSetup());
    }

    internal static PageMargins PageMargins() => new() { Left = 0.6, Right = 0.6, Top = 0.75, Bottom = 0.75, Header = 0.3, Footer = 0.3 };

    /// <summary>Printed on A4 portrait, as wide as the page.</summary>
    internal static PageSetup PageSetup() => new() { PaperSize = 9, Orientation = OrientationValues.Portrait, FitToWidth = 1, FitToHeight = 0 };

    /// <summary>The sheet 说明: which report the workbook holds.</summary>
    private static Worksheet InfoSheetOf(ReportDocument report, string title, bool selected)
    {
        var rows = new List<(string Label, Cell Value)>
        {
            ("报告", InfoText(title)),
            ("机关", InfoText(report.Organization.Name)),
        };
        if (report.Organization.Code is { Length: > 0 } code)
        {
            rows.Add(("机关代码", InfoText(code)));
        }

        if (report.Organization.Parent is { Length: > 0 } parent)
        {
            rows.Add(("上级机关", InfoText(parent)));
        }

        rows.Add(("年度", new Cell { CellValue = new CellValue(report.Year), DataType = CellValues.Number, StyleIndex = ExcelStyles.InfoNumber }));
        rows.Add(("格式", InfoText(report.Format.DisplayName())));
        rows.Add(("发布日期", report.PublishedOn is { } date
            ? new Cell { CellValue = new CellValue(date.DayNumber - new DateOnly(1899, 12, 30).DayNumber), DataType = CellValues.Number, StyleIndex = ExcelStyles.InfoDate }
            : InfoText("未发布")));
        if (report.SignedBy is { Length: > 0 } signer)
        {
            rows.Add(("签发人", InfoText(signer)));
        }

        if (report.Document is { Length: > 0 } document)
        {
            rows.Add(("存档文件", InfoText(document)));
        }

        rows.Add(("说明", InfoText(report.Definition().HasTables
            ? "各表按国务院办公厅规定的统计表格式排列，合并单元格与印发的表样一致；表中数字为报告所填报的数值，空白表示未填报。"
            : "本报告为存档报告，工作表“统计数据”为其统计数据的主要指标；空白表示未填报。")));

        return InfoSheetOf(rows, selected);
    }

    /// <summary>A sheet of labelled facts: the label in column A, the fact (text, number or date) in column B.</summary>
    internal static Worksheet InfoSheetOf(IReadOnlyList<(string Label, Cell Value)> rows, bool selected)
    {
        var data = new SheetData();
        for (var i = 0; i < rows.Count; i++)
        {
            var rowIndex = (uint)(i + 1);
            var value = rows[i].Value;
            value.CellReference = $"B{rowIndex}";
            var wrapLines = TextWidth.Lines(value.InnerText, InfoTextEms);
            data.Append(new Row(TextCell($"A{rowIndex}", rows[i].Label, ExcelStyles.InfoLabel), value)
            {
                RowIndex = rowIndex,
                Height = (wrapLines * LineHeight) + 4,
                CustomHeight = true,
            });
        }

        return new Worksheet(
            new SheetProperties(new PageSetupProperties { FitToPage = true }),
            new SheetViews(new SheetView { WorkbookViewId = 0, TabSelected = selected }),
            new SheetFormatProperties { DefaultRowHeight = LineHeight },
            new Columns(
                new Column { Min = 1, Max = 1, Width = 12, CustomWidth = true },
                new Column { Min = 2, Max = 2, Width = 64, CustomWidth = true }),
            data,
            PageMargins(),
            PageSetup());
    }

    /// <summary>How many ems of 11 pt text column B of 说明 holds on a line (64 characters of 7 px).</summary>
    private const double InfoTextEms = 28;

    internal static Cell InfoText(string text) => TextCell(null, text, ExcelStyles.InfoText);

    private static SheetView SheetView(int frozenRows, int frozenColumns, bool selected)
    {
        var view = new SheetView { WorkbookViewId = 0, TabSelected = selected };
        var topLeft = Reference(frozenRows - TitleRows, frozenColumns);
        var pane = frozenColumns > 0 ? PaneValues.BottomRight : PaneValues.BottomLeft;
        view.Append(
            new Pane
            {
                HorizontalSplit = frozenColumns > 0 ? frozenColumns : null,
                VerticalSplit = frozenRows,
                TopLeftCell = topLeft,
                ActivePane = pane,
                State = PaneStateValues.Frozen,
            },
            new Selection { Pane = pane, ActiveCell = topLeft, SequenceOfReferences = new ListValue<StringValue>([topLeft]) });
        return view;
    }

    private static Row TextRow(uint index, double height, IEnumerable<(string Text, uint Style)> cells) =>
        new(cells.Select((cell, column) => TextCell($"{ColumnName(column)}{index}", cell.Text, cell.Style)))
        {
            RowIndex = index,
            Height = height,
            CustomHeight = true,
        };

    internal static Cell TextCell(string? reference, string text, uint style) => new(new InlineString(new Text(text) { Space = SpaceProcessingModeValues.Preserve }))
    {
        CellReference = reference,
        DataType = CellValues.InlineString,
        StyleIndex = style,
    };

    internal static Cell NumberCell(string reference, decimal? value, uint style)
    {
        var cell = new Cell { CellReference = reference, StyleIndex = style };
        if (value is { } number)
        {
            cell.DataType = CellValues.Number;
            cell.CellValue = new CellValue(number);
        }

        return cell;
    }

    /// <summary>The address of a grid slot of a table below the title rows (row and column from 0).</summary>
    public static string Reference(int row, int column) =>
        $"{ColumnName(column)}{(row + TitleRows + 1).ToString(CultureInfo.InvariantCulture)}";

    public static string ColumnName(int column)
    {
        var name = string.Empty;
        for (var n = column + 1; n > 0; n = (n - 1) / 26)
        {
            name = (char)('A' + ((n - 1) % 26)) + name;
        }

        return name;
    }

    /// <summary>Points to Excel's column width: characters of the default font's digit width (7 px at 11 pt) plus 5 px of margin.</summary>
    internal static double ColumnWidth(double points) => Math.Round(Math.Max(1, ((points * 96 / 72) - 5) / 7), 2);
}
