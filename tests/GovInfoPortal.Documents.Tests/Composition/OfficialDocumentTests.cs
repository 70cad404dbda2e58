using GovInfoPortal.Core.Domain;
using GovInfoPortal.Core.Formats;
using GovInfoPortal.Core.Formats.Layout;
using GovInfoPortal.Documents.Composition;

namespace GovInfoPortal.Documents.Tests.Composition;

public sealed class OfficialDocumentTests
{
    [Fact]
    public void Has_the_title_the_six_parts_in_order_and_the_signature()
    {
        var document = OfficialDocument.For(TestReports.Quangang2023);

        Assert.Equal("泉港区2023年政府信息公开工作年度报告", document.Title);
        Assert.Equal([document.Title], document.TitleLines);
        var headings = document.Blocks.OfType<DocumentParagraph>().Where(p => p.Role == ParagraphRole.Heading1).Select(p => p.Text);
        Assert.Equal(
            ["一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况", "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况", "六、其他需要报告的事项"],
            headings);
        Assert.Equal(["activeDisclosure", "applications", "reviewLitigation"], document.Blocks.OfType<DocumentTableBlock>().Select(t => t.Table.Code));
        Assert.Equal(new DocumentSignature("泉州市泉港区人民政府", "2024年1月10日", null), document.Signature);
    }

    [Fact]
    public void Each_table_follows_its_part_heading()
    {
        var blocks = OfficialDocument.For(TestReports.Xiyuan2020).Blocks;

        var table = blocks.OfType<DocumentTableBlock>().First();
        var before = Assert.IsType<DocumentParagraph>(blocks[IndexOf(blocks, table) - 1]);
        Assert.Equal("二、主动公开政府信息情况", before.Text);
    }

    private static int IndexOf(IReadOnlyList<DocumentBlock> blocks, DocumentBlock block) => blocks.ToList().IndexOf(block);

    [Fact]
    public void A_title_too_long_for_one_line_breaks_between_the_name_and_the_year()
    {
        var report = TestReports.Quangang2023 with
        {
            Organization = new("泉州市泉港区经济开发区管理委员会综合办公室", null, "泉州市"),
        };

        var document = OfficialDocument.For(report);

        Assert.Equal(["泉港区经济开发区管理委员会综合办公室", "2023年政府信息公开工作年度报告"], document.TitleLines);
    }

    [Fact]
    public void A_legacy_report_has_a_note_on_its_archived_document_and_the_headline_figures()
    {
        var document = OfficialDocument.For(TestReports.Qingyang2018);

        var note = Assert.IsType<DocumentParagraph>(document.Blocks[0]);
        Assert.Contains("《晋江市青阳街道办事处2018年政府信息公开工作年度报告.pdf》", note.Text);
        var figures = Assert.IsType<DocumentTableBlock>(document.Blocks[1]).Table;
        Assert.Equal(DocumentTable.LegacyCode, figures.Code);
        Assert.Contains(figures.Cells, c => c.Role == GridCellRole.RowHeader && c.Text == "主动公开文件数");
        Assert.Contains(figures.Cells, c => c.Role == GridCellRole.Value && c.Number == 158m);
        Assert.Equal("吴靖宇", document.Signature.SignedBy);
        Assert.Equal("2019年1月1日", document.Signature.Date);
    }

    [Fact]
    public void An_undated_report_has_no_date_under_its_signature()
    {
        Assert.Null(OfficialDocument.For(TestReports.Xiyuan2020).Signature.Date);
    }

    [Theory]
    [InlineData(10, 7.5, 2, 2.5)] // the date starts two characters right of the name
    [InlineData(5, 7.5, 6.5, 2)] // the date is the longer line: it keeps two characters from the edge, the name moves left
    public void The_signature_follows_the_standard(double name, double date, double nameIndent, double dateIndent)
    {
        Assert.Equal((nameIndent, dateIndent), DocumentSignature.RightIndents(name, date));
    }
}

public sealed class NarrativeTextTests
{
    [Fact]
    public void Numbered_lines_become_headings_of_their_level()
    {
        var paragraphs = NarrativeText.Paragraphs(TestReports.OverviewWithSubParts).ToList();

        Assert.Equal(
            [ParagraphRole.Body, ParagraphRole.Heading2, ParagraphRole.Body, ParagraphRole.Body, ParagraphRole.Heading3, ParagraphRole.Heading4, ParagraphRole.Body],
            paragraphs.Select(p => p.Role));
        Assert.Equal(Typeface.Kai, paragraphs[1].Runs.Single().Face);
        Assert.Equal(Typeface.Song, paragraphs[4].Runs.Single().Face);
        Assert.Equal("严格执行登记制度。", paragraphs[6].Text);
    }

    [Fact]
    public void A_heading_run_into_its_paragraph_is_its_first_sentence()
    {
        var paragraph = NarrativeText.Paragraph("（二）依申请公开。全年收到申请26件，均按期答复。");

        Assert.Equal(ParagraphRole.Body, paragraph.Role);
        Assert.Equal([new TextRun("（二）依申请公开。", Typeface.Kai), new TextRun("全年收到申请26件，均按期答复。", Typeface.Song)], paragraph.Runs);
    }

    [Theory]
    [InlineData("(三)政府信息管理", nameof(ParagraphRole.Heading2))]
    [InlineData("2、平台建设", nameof(ParagraphRole.Heading3))]
    [InlineData("10．监督保障", nameof(ParagraphRole.Heading3))]
    [InlineData("(2)培训", nameof(ParagraphRole.Heading4))]
    [InlineData("1.5万元用于平台建设。", nameof(ParagraphRole.Body))]
    [InlineData("2023年工作总结", nameof(ParagraphRole.Body))]
    public void Recognizes_the_numberings_clerks_type(string line, string role)
    {
        Assert.Equal(role, NarrativeText.Paragraph(line).Role.ToString());
    }

    [Fact]
    public void Control_characters_do_not_reach_the_documents()
    {
        var paragraph = Assert.Single(NarrativeText.Paragraphs("\t本年度\u0001工作。\r\n"));

        Assert.Equal("本年度 工作。", paragraph.Text);
    }

    [Fact]
    public void Empty_text_has_no_paragraphs()
    {
        Assert.Empty(NarrativeText.Paragraphs(null));
        Assert.Empty(NarrativeText.Paragraphs(" \n\u3000\n"));
    }
}

public sealed class DocumentTableTests
{
    private static DocumentTable Applications2021 =>
        DocumentTable.For(OfficialTableLayout.For(FormatDefinition.For(ReportFormat.Format2021).Applications), TestReports.Quangang2023.Applications);

    [Fact]
    public void Places_every_cell_of_the_official_layout_on_the_grid()
    {
        var table = Applications2021;

        Assert.Equal(10, table.ColumnCount);
        Assert.Equal(3 + 25, table.RowCount);
        Assert.Equal(3, table.HeaderRowCount);
        var note = table.At(2, 2)!;
        Assert.Equal(GridCellRole.Note, note.Role);
        Assert.Equal((0, 0, 3, 3), (note.Row, note.Column, note.RowSpan, note.ColumnSpan));
        Assert.Equal("商业企业", table.At(2, 4)!.Text);
        Assert.Equal("三、本年度办理结果", table.At(24, 0)!.Text);
        Assert.Equal("（三）不予公开", table.At(9, 1)!.Text);
        var internalAffairs = table.At(11, 3)!;
        Assert.Equal(("denied.internalAffairs", "naturalPerson", 1m), (internalAffairs.Cell!.Row.Code, internalAffairs.Cell.Column.Code, internalAffairs.Number));
        Assert.Equal(3, table.LeadingLabelColumns);
    }

    [Fact]
    public void Every_grid_slot_is_covered_once()
    {
        foreach (var format in new[] { ReportFormat.Format2019, ReportFormat.Format2021 })
        {
            foreach (var definition in FormatDefinition.For(format).Tables)
            {
                var table = DocumentTable.For(OfficialTableLayout.For(definition), ReportTable.Empty);
                Assert.Equal(table.RowCount * table.ColumnCount, table.Cells.Sum(c => c.RowSpan * c.ColumnSpan));
                for (var row = 0; row < table.RowCount; row++)
                {
                    for (var column = 0; column < table.ColumnCount; column++)
                    {
                        Assert.NotNull(table.At(row, column));
                    }
                }
            }
        }
    }

    [Fact]
    public void Amounts_keep_their_decimals_and_empty_cells_stay_empty()
    {
        var report = TestReports.Quangang2023;
        var table = DocumentTable.For(OfficialTableLayout.For(report.Definition().ActiveDisclosure), report.ActiveDisclosure);
        Assert.Contains(table.ValueCells, c => c.Text == "435.18246" && c.Kind == CellKind.Amount);

        var empty = DocumentTable.For(OfficialTableLayout.For(report.Definition().ActiveDisclosure), ReportTable.Empty);
        Assert.All(empty.ValueCells, c => Assert.Equal(string.Empty, c.Text));
    }
}

public sealed class TableGeometryTests
{
    [Theory]
    [InlineData(ReportFormat.Format2019)]
    [InlineData(ReportFormat.Format2021)]
    public void Columns_fill_the_text_width_and_figures_get_two_characters_at_least(ReportFormat format)
    {
        foreach (var definition in FormatDefinition.For(format).Tables)
        {
            var table = DocumentTable.For(OfficialTableLayout.For(definition), TestReports.Quangang2023.Table(definition.Code));

            var widths = TableGeometry.ColumnWidths(table, OfficialPage.TextWidth, OfficialPage.TableSize);

            Assert.Equal(OfficialPage.TextWidth, widths.Sum(), 6);
            Assert.All(widths.Where((_, i) => table.FigureColumns[i]), w => Assert.True(w >= 2 * OfficialPage.TableSize, $"{definition.Code}: {w}"));
        }
    }

    [Fact]
    public void The_fifteen_columns_of_table_four_are_equal()
    {
        var definition = FormatDefinition.For(ReportFormat.Format2021).ReviewLitigation;
        var table = DocumentTable.For(OfficialTableLayout.For(definition), ReportTable.Empty);

        var widths = TableGeometry.ColumnWidths(table, OfficialPage.TextWidth, OfficialPage.TableSize);

        Assert.Equal(15, widths.Length);
        Assert.All(widths, w => Assert.Equal(OfficialPage.TextWidth / 15, w, 6));
    }

    [Fact]
    public void A_cell_over_several_rows_that_needs_more_height_makes_its_last_row_taller()
    {
        var definition = FormatDefinition.For(ReportFormat.Format2021).Applications;
        var table = DocumentTable.For(OfficialTableLayout.For(definition), ReportTable.Empty);

        var heights = TableGeometry.RowHeights(table, cell => cell.Role == GridCellRole.Note ? 100 : 10, 10);

        Assert.Equal([10, 10, 80], heights.Take(3));
        Assert.All(heights.Skip(3), h => Assert.Equal(10, h));
    }
}
