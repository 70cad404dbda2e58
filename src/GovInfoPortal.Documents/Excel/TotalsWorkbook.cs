using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
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

    /// <summary>The workbook of <paramref name="totals"/> with its own list of bodies, in memory (a subtree of a few bodies).</summary>
    public static byte[] Render(SubtreeTotals totals)
    {
        ArgumentNullException.ThrowIfNull(totals);
        using var buffer = new MemoryStream();
        using (var writer = new TotalsWriter(totals, buffer))
        {
            foreach (var body in totals.Bodies)
            {
                writer.Add(body);
            }

            writer.Complete();
        }

        return buffer.ToArray();
    }

    /// <summary>
    /// Writes the workbook into <paramref name="output"/> (a file: the writes are synchronous) as the bodies
    /// come, for a subtree with too many bodies to hold at once: the sheet 机关名单 is written row by row
    /// (OpenXmlWriter) from <paramref name="bodies"/>, not from <c>totals.Bodies</c>, straight into its
    /// compressed entry of the output. Each part holds the same bytes as <see cref="Render"/> writes.
    /// </summary>
    public static async Task WriteAsync(SubtreeTotals totals, IAsyncEnumerable<TotalsBody> bodies, Stream output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(totals);
        ArgumentNullException.ThrowIfNull(bodies);
        using var writer = new TotalsWriter(totals, output);
        await foreach (var body in bodies.WithCancellation(cancellationToken))
        {
            writer.Add(body);
        }

        writer.Complete();
    }

    /// <summary>
    /// One workbook being written. The Open XML SDK keeps every part of a package it writes in memory until the
    /// package is closed, so the one part that grows with the subtree, 机关名单, is written around it: first,
    /// row by row into its own entry of the output ZIP; then the small rest of the workbook (the tables, and
    /// 说明 with the counts of bodies now known) is made by the SDK in memory and its parts copied in after it.
    /// </summary>
    private sealed class TotalsWriter : IDisposable
    {
        private readonly SubtreeTotals _totals;
        private readonly MemoryStream _rest = new();
        private readonly SpreadsheetDocument _package;
        private readonly (WorksheetPart Part, bool Selected) _info;
        private readonly string _bodiesEntry;
        private readonly ZipArchive _output;
        private readonly Stream _bodiesStream;
        private readonly OpenXmlWriter _bodies;
        private int _count;
        private int _included;

        public TotalsWriter(SubtreeTotals totals, Stream output)
        {
            var definition = totals.Definition;
            if (!definition.HasTables)
            {
                throw new ArgumentException("Totals are summed over the tables of the 2019 and 2021 formats only.", nameof(totals));
            }

            _totals = totals;
            var tables = definition.Parts
                .Where(p => p.Table is not null)
                .Select(p => new ExcelRenderer.SheetTable(p.Table!.MessageLabel, p.Heading,
                    DocumentTable.For(OfficialTableLayout.For(p.Table), totals.Table(p.Table.Code))))
                .ToList();
            _package = SpreadsheetDocument.Create(_rest, SpreadsheetDocumentType.Workbook);
            var others = ExcelRenderer.Start(_package, totals.Title, totals.ScopeName, tables, [ExcelRenderer.InfoSheet, BodiesSheet]);
            _info = others[0];
            var (bodiesPart, bodiesSelected) = others[1];
            bodiesPart.Worksheet = new Worksheet(); // a stand-in, replaced by the streamed entry
            _bodiesEntry = bodiesPart.Uri.OriginalString.TrimStart('/');

            _output = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
            _bodiesStream = _output.CreateEntry(_bodiesEntry, CompressionLevel.Optimal).Open();
            _bodies = OpenXmlWriter.Create(_bodiesStream, new UTF8Encoding(false)); // no byte order mark, as the SDK writes parts
            StartBodiesSheet(_bodies, bodiesSelected);
        }

        public void Add(TotalsBody body)
        {
            var index = (uint)(_count + 2);
            _bodies.WriteElement(new Row(
                ExcelRenderer.TextCell($"A{index}", body.Name, ExcelStyles.RowHeader),
                ExcelRenderer.TextCell($"B{index}", body.Code ?? string.Empty, ExcelStyles.Count),
                ExcelRenderer.TextCell($"C{index}", body.Included ? "是" : "否", ExcelStyles.Count),
                ExcelRenderer.TextCell($"D{index}", body.Status, ExcelStyles.Count))
            {
                RowIndex = index,
            });
            _count++;
            if (body.Included)
            {
                _included++;
            }
        }

        /// <summary>Ends 机关名单, makes the rest with 说明's counts, and copies its parts into the output.</summary>
        public void Complete()
        {
            _bodies.WriteEndElement(); // sheetData
            _bodies.WriteElement(ExcelRenderer.PageMargins());
            _bodies.WriteElement(ExcelRenderer.PageSetup());
            _bodies.WriteEndElement(); // worksheet
            _bodies.Close();
            _bodiesStream.Dispose();

            _info.Part.Worksheet = ExcelRenderer.InfoSheetOf(InfoRows(_totals, _count, _included), _info.Selected);
            _package.Dispose();
            _rest.Position = 0;
            using (var rest = new ZipArchive(_rest, ZipArchiveMode.Read))
            {
                foreach (var entry in rest.Entries.Where(e => e.FullName != _bodiesEntry))
                {
                    using var from = entry.Open();
                    using var to = _output.CreateEntry(entry.FullName, CompressionLevel.Optimal).Open();
                    from.CopyTo(to);
                }
            }

            _output.Dispose();
        }

        public void Dispose()
        {
            _bodies.Dispose();
            _bodiesStream.Dispose();
            _package.Dispose();
            _output.Dispose();
            _rest.Dispose();
        }
    }

    private static List<(string Label, Cell Value)> InfoRows(SubtreeTotals totals, int bodies, int included)
    {
        var rows = new List<(string Label, Cell Value)>
        {
            ("汇总", ExcelRenderer.InfoText(totals.Title)),
            ("汇总范围", ExcelRenderer.InfoText($"{totals.ScopeName}及其下属机关，共 {bodies} 个机关")),
            ("年度", Number(totals.Year)),
            ("格式", ExcelRenderer.InfoText(totals.Format.DisplayName())),
            ("纳入报告数", Number(totals.Reports)),
            ("未发布报告的机关数", Number(bodies - included)),
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

    /// <summary>The sheet 机关名单 up to its first body: one ruled row per body follows, under a frozen heading row.</summary>
    private static void StartBodiesSheet(OpenXmlWriter writer, bool selected)
    {
        var view = new SheetView { WorkbookViewId = 0, TabSelected = selected };
        view.Append(new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen });
        writer.WriteStartDocument();
        writer.WriteStartElement(new Worksheet());
        writer.WriteElement(new SheetProperties(new PageSetupProperties { FitToPage = true }));
        writer.WriteElement(new SheetViews(view));
        writer.WriteElement(new SheetFormatProperties { DefaultRowHeight = ExcelRenderer.LineHeight + 4 });
        writer.WriteElement(new Columns(BodyColumns.Select((column, index) => new Column
        {
            Min = (uint)(index + 1),
            Max = (uint)(index + 1),
            Width = column.Width,
            CustomWidth = true,
        })));
        writer.WriteStartElement(new SheetData());
        writer.WriteElement(new Row(BodyColumns.Select((column, index) =>
            ExcelRenderer.TextCell($"{ExcelRenderer.ColumnName(index)}1", column.Header, ExcelStyles.ColumnHeader)))
        {
            RowIndex = 1,
        });
    }
}
