using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using GovInfoPortal.Core.Domain;
using GovInfoPortal.Core.Formats.Layout;
using GovInfoPortal.Core.Interchange;
using GovInfoPortal.Documents.Composition;
using GovInfoPortal.Documents.Word;
using TableRow = DocumentFormat.OpenXml.Wordprocessing.TableRow;

namespace GovInfoPortal.Documents.Tests.Word;

public sealed class WordRendererTests
{
    private static WordprocessingDocument Open(ReportDocument report) =>
        WordprocessingDocument.Open(new MemoryStream(WordRenderer.Render(report)), false);

    private static string? StyleOf(Paragraph paragraph) => paragraph.ParagraphProperties?.ParagraphStyleId?.Val?.Value;

    [Theory]
    [MemberData(nameof(TestReports.Codes), MemberType = typeof(TestReports))]
    public void Renders_a_valid_document_with_the_title_first(string code)
    {
        var report = TestReports.ByCode(code);

        using var document = Open(report);

        Assert.Empty(new OpenXmlValidator(FileFormatVersions.Office2019).Validate(document));
        var first = document.MainDocumentPart!.Document!.Body!.Elements<Paragraph>().First();
        Assert.Equal("Title", StyleOf(first));
        Assert.Equal(ReportFileNames.Title(report), first.InnerText);
        Assert.Equal(ReportFileNames.Title(report), document.PackageProperties.Title);
    }

    [Fact]
    public void Lays_the_page_out_as_an_official_document()
    {
        using var document = Open(TestReports.Quangang2023);

        var section = document.MainDocumentPart!.Document!.Body!.GetFirstChild<SectionProperties>()!;
        var size = section.GetFirstChild<PageSize>()!;
        Assert.Equal((11906u, 16838u), (size.Width!.Value, size.Height!.Value));
        var margin = section.GetFirstChild<PageMargin>()!;
        Assert.Equal(2098, margin.Top!.Value); // 37 mm
        Assert.Equal(1587u, margin.Left!.Value); // 28 mm
        Assert.Equal(1474u, margin.Right!.Value); // a 156 mm text block
        Assert.Equal(1984, margin.Bottom!.Value); // a 225 mm text block
        var grid = section.GetFirstChild<DocGrid>()!;
        Assert.Equal(DocGridValues.Lines, grid.Type!.Value);
        Assert.Equal(580, grid.LinePitch!.Value); // 225 mm / 22 lines

        var styles = document.MainDocumentPart.StyleDefinitionsPart!.Styles!;
        var normal = styles.Elements<Style>().Single(s => s.StyleId == "Normal");
        Assert.Equal(200, normal.StyleParagraphProperties!.Indentation!.FirstLineChars!.Value);
        Assert.Equal("32", styles.DocDefaults!.RunPropertiesDefault!.RunPropertiesBaseStyle!.FontSize!.Val!.Value); // 16 pt
        var spacing = normal.StyleRunProperties!.Spacing!.Val!.Value;
        Assert.True(28 * (16 + (spacing / 20.0)) <= 8845 / 20.0, "28 characters fit a line");
        Assert.Equal("44", styles.Elements<Style>().Single(s => s.StyleId == "Title").StyleRunProperties!.FontSize!.Val!.Value); // 22 pt
        Assert.Equal("黑体", styles.Elements<Style>().Single(s => s.StyleId == "Heading1").StyleRunProperties!.RunFonts!.EastAsia!.Value);
        Assert.Equal("楷体", styles.Elements<Style>().Single(s => s.StyleId == "Heading2").StyleRunProperties!.RunFonts!.EastAsia!.Value);
    }

    [Fact]
    public void Numbers_pages_in_even_and_odd_footers()
    {
        using var document = Open(TestReports.Quangang2023);
        var main = document.MainDocumentPart!;

        Assert.NotNull(main.DocumentSettingsPart!.Settings!.GetFirstChild<EvenAndOddHeaders>());
        var references = main.Document!.Body!.GetFirstChild<SectionProperties>()!.Elements<FooterReference>().ToList();
        var odd = (FooterPart)main.GetPartById(references.Single(r => r.Type!.Value == HeaderFooterValues.Default).Id!.Value!);
        var even = (FooterPart)main.GetPartById(references.Single(r => r.Type!.Value == HeaderFooterValues.Even).Id!.Value!);
        foreach (var (footer, alignment) in new[] { (odd, JustificationValues.Right), (even, JustificationValues.Left) })
        {
            var paragraph = footer.Footer!.GetFirstChild<Paragraph>()!;
            Assert.Equal("— 1 —", paragraph.InnerText);
            Assert.Equal(" PAGE ", paragraph.Descendants<SimpleField>().Single().Instruction!.Value);
            Assert.Equal(alignment, paragraph.ParagraphProperties!.Justification!.Val!.Value);
        }
    }

    [Fact]
    public void Headings_take_their_styles_and_a_run_in_heading_its_face()
    {
        using var document = Open(TestReports.QuangangWithSubParts);

        var paragraphs = document.MainDocumentPart!.Document!.Body!.Elements<Paragraph>().ToList();
        string? Style(string text) => StyleOf(paragraphs.First(p => p.InnerText == text));
        Assert.Equal("Heading1", Style("一、总体情况"));
        Assert.Equal("Heading1", Style("四、政府信息公开行政复议、行政诉讼情况"));
        Assert.Equal("Heading2", Style("（一）主动公开"));
        Assert.Equal("Heading3", Style("1.办理流程"));
        Assert.Equal("Heading4", Style("（1）登记环节"));
        Assert.Null(Style("全年主动公开政府信息3521条。"));

        var runIn = paragraphs.First(p => p.InnerText.StartsWith("（二）依申请公开。", StringComparison.Ordinal));
        Assert.Null(StyleOf(runIn));
        var runs = runIn.Elements<Run>().ToList();
        Assert.Equal("（二）依申请公开。", runs[0].InnerText);
        Assert.Equal("楷体", runs[0].RunProperties!.RunFonts!.EastAsia!.Value);
        Assert.Null(runs[1].RunProperties);

        var signature = paragraphs.Last(p => p.InnerText.Length > 0);
        Assert.Equal("2024年1月10日", signature.InnerText);
        Assert.Equal(JustificationValues.Right, signature.ParagraphProperties!.Justification!.Val!.Value);
        Assert.Contains(paragraphs, p => p.InnerText == "签发人：林某");
    }

    [Theory]
    [MemberData(nameof(TestReports.Codes), MemberType = typeof(TestReports))]
    public void Tables_have_the_merged_cells_of_the_official_layout(string code)
    {
        var report = TestReports.ByCode(code);
        using var document = Open(report);

        var tables = document.MainDocumentPart!.Document!.Body!.Elements<Table>().ToList();
        var definitions = report.Definition().Tables;
        if (definitions.Count == 0)
        {
            // A legacy report: the headline figures, one row each under a heading row.
            var figures = Assert.Single(tables);
            Assert.Equal(report.LegacyFigures.Cells.Count + 1, figures.Elements<TableRow>().Count());
            Assert.Contains(figures.Elements<TableRow>(), r => r.InnerText == "主动公开文件数158");
            return;
        }

        Assert.Equal(definitions.Count, tables.Count);
        foreach (var (definition, table) in definitions.Zip(tables))
        {
            var layout = OfficialTableLayout.For(definition);
            var cells = layout.Rows.SelectMany(r => r.Cells).ToList();
            var wordCells = table.Descendants<TableCell>().ToList();
            Assert.Equal(cells.Count(c => c.ColumnSpan > 1), wordCells.Count(c => c.TableCellProperties?.GridSpan is { } span && span.Val!.Value > 1 && !IsContinuation(c)));
            Assert.Equal(cells.Count(c => c.RowSpan > 1), wordCells.Count(c => c.TableCellProperties?.VerticalMerge?.Val?.Value == MergedCellValues.Restart));
            Assert.Equal(cells.Sum(c => c.RowSpan - 1), wordCells.Count(IsContinuation));
            Assert.Equal(layout.ColumnCount, table.GetFirstChild<TableGrid>()!.Elements<GridColumn>().Count());
            Assert.Equal(layout.HeaderRowCount, table.Elements<TableRow>().Count(r => r.TableRowProperties?.GetFirstChild<TableHeader>() is not null));

            // Row by row, the cells that start there carry the layout's labels and the report's figures, in order.
            var rows = table.Elements<TableRow>().ToList();
            Assert.Equal(layout.Rows.Count, rows.Count);
            for (var i = 0; i < rows.Count; i++)
            {
                var expected = layout.Rows[i].Cells.Select(c => c.Kind == LayoutCellKind.Value
                    ? DocumentTable.FigureText(report.Table(definition.Code)[c.Cell!.Row.Code, c.Cell.Column.Code])
                    : c.Text);
                var actual = rows[i].Elements<TableCell>().Where(c => !IsContinuation(c)).Select(c => c.InnerText);
                Assert.Equal(expected, actual);
            }
        }
    }

    private static bool IsContinuation(TableCell cell) =>
        cell.TableCellProperties?.VerticalMerge is { } merge && (merge.Val is null || merge.Val.Value == MergedCellValues.Continue);

    [Fact]
    public void A_report_with_empty_cells_leaves_them_empty()
    {
        using var document = Open(TestReports.WithEmptyCells);

        var applications = document.MainDocumentPart!.Document!.Body!.Elements<Table>().ElementAt(1);
        var newlyReceived = applications.Elements<TableRow>().ElementAt(3).Elements<TableCell>().Select(c => c.InnerText).ToList();
        Assert.Equal(["一、本年新收政府信息公开申请数量", "7", "", "", "", "", "", ""], newlyReceived);
        Assert.Empty(new OpenXmlValidator(FileFormatVersions.Office2019).Validate(document));
    }
}
