using GovInfoPortal.Core.Formats;
using GovInfoPortal.Core.Formats.Layout;

namespace GovInfoPortal.Core.Tests.Formats;

public sealed class OfficialTableLayoutTests
{
    public static TheoryData<ReportFormat, string> Tables()
    {
        var data = new TheoryData<ReportFormat, string>();
        foreach (var format in new[] { ReportFormat.Format2019, ReportFormat.Format2021 })
        {
            foreach (var table in TableCodes.All)
            {
                data.Add(format, table);
            }
        }

        return data;
    }

    private static TableLayout Layout(ReportFormat format, string table) =>
        OfficialTableLayout.For(FormatDefinition.For(format).FindTable(table)!);

    /// <summary>Places every cell on a grid, honouring spans; each grid slot is covered exactly once.</summary>
    private static LayoutCell[,] Grid(TableLayout layout)
    {
        var grid = new LayoutCell[layout.Rows.Count, layout.ColumnCount];
        for (var r = 0; r < layout.Rows.Count; r++)
        {
            var c = 0;
            foreach (var cell in layout.Rows[r].Cells)
            {
                while (c < layout.ColumnCount && grid[r, c] is not null)
                {
                    c++;
                }

                for (var dr = 0; dr < cell.RowSpan; dr++)
                {
                    for (var dc = 0; dc < cell.ColumnSpan; dc++)
                    {
                        Assert.True(r + dr < layout.Rows.Count && c + dc < layout.ColumnCount, $"row {r}: cell '{cell.Text}' spans beyond the table");
                        Assert.Null(grid[r + dr, c + dc]);
                        grid[r + dr, c + dc] = cell;
                    }
                }

                c += cell.ColumnSpan;
            }
        }

        for (var r = 0; r < layout.Rows.Count; r++)
        {
            for (var c = 0; c < layout.ColumnCount; c++)
            {
                Assert.True(grid[r, c] is not null, $"row {r}, column {c} is not covered");
            }
        }

        return grid;
    }

    [Theory]
    [MemberData(nameof(Tables))]
    public void Every_row_covers_the_full_width_and_every_cell_appears_once(ReportFormat format, string table)
    {
        var layout = Layout(format, table);

        Grid(layout);
        var cells = layout.ValueCells.Select(c => (c.Cell!.Row.Code, c.Cell.Column.Code)).ToList();
        Assert.Equal(layout.Table.Cells.Select(c => (c.Row.Code, c.Column.Code)), cells);
    }

    [Theory]
    [MemberData(nameof(Tables))]
    public void Header_ids_are_unique_and_every_reference_resolves(ReportFormat format, string table)
    {
        var layout = Layout(format, table);
        var all = layout.Rows.SelectMany(r => r.Cells).ToList();
        var ids = all.Where(c => c.Id is not null).Select(c => c.Id!).ToList();

        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.All(all.SelectMany(c => c.HeaderIds), id => Assert.Contains(id, ids));
        Assert.All(layout.ValueCells, c => Assert.NotEmpty(c.HeaderIds));
    }

    [Fact]
    public void Applications_heading_follows_the_official_form()
    {
        var layout = Layout(ReportFormat.Format2021, TableCodes.Applications);
        var grid = Grid(layout);

        Assert.Equal(10, layout.ColumnCount);
        Assert.Equal(3, layout.HeaderRowCount);
        var note = grid[0, 0];
        Assert.True(note.IsNote);
        Assert.Equal((3, 3), (note.ColumnSpan, note.RowSpan));
        Assert.Equal(("申请人情况", 7), (grid[0, 3].Text, grid[0, 3].ColumnSpan));
        Assert.Equal(("自然人", 2), (grid[1, 3].Text, grid[1, 3].RowSpan));
        Assert.Equal(("法人或其他组织", 5), (grid[1, 4].Text, grid[1, 4].ColumnSpan));
        Assert.Equal(("总计", 2), (grid[1, 9].Text, grid[1, 9].RowSpan));
        Assert.Equal(["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"], Enumerable.Range(4, 5).Select(c => grid[2, c].Text));
    }

    [Theory]
    [InlineData(ReportFormat.Format2021, 22)]
    [InlineData(ReportFormat.Format2019, 20)]
    public void Applications_body_spans_the_handling_section_and_its_groups(ReportFormat format, int handlingRows)
    {
        var layout = Layout(format, TableCodes.Applications);
        var grid = Grid(layout);

        Assert.Equal(("一、本年新收政府信息公开申请数量", 3), (grid[3, 0].Text, grid[3, 0].ColumnSpan));
        Assert.Equal(("三、本年度办理结果", handlingRows), (grid[5, 0].Text, grid[5, 0].RowSpan));
        Assert.Equal(("（一）予以公开", 2), (grid[5, 1].Text, grid[5, 1].ColumnSpan));
        Assert.Equal(("（三）不予公开", 8), (grid[7, 1].Text, grid[7, 1].RowSpan));
        Assert.Equal("1.属于国家秘密", grid[7, 2].Text);
        Assert.Equal(("（七）总计", 2), (grid[5 + handlingRows - 1, 1].Text, grid[5 + handlingRows - 1, 1].ColumnSpan));
        var last = layout.Rows.Count - 1;
        Assert.Equal(("四、结转下年度继续办理", 3), (grid[last, 0].Text, grid[last, 0].ColumnSpan));

        var otherHandling = grid[5 + 2 + 8 + 3 + 5, 1];
        Assert.StartsWith("（六）其他处理", otherHandling.Text, StringComparison.Ordinal);
        Assert.Equal(format == ReportFormat.Format2021 ? (1, 3) : (2, 1), (otherHandling.ColumnSpan, otherHandling.RowSpan));
    }

    [Fact]
    public void Review_and_litigation_heading_follows_the_official_form()
    {
        var layout = Layout(ReportFormat.Format2021, TableCodes.ReviewLitigation);
        var grid = Grid(layout);

        Assert.Equal(15, layout.ColumnCount);
        Assert.Equal(("行政复议", 5), (grid[0, 0].Text, grid[0, 0].ColumnSpan));
        Assert.Equal(("行政诉讼", 10), (grid[0, 5].Text, grid[0, 5].ColumnSpan));
        Assert.Equal(("结果维持", 2), (grid[1, 0].Text, grid[1, 0].RowSpan));
        Assert.Equal(("未经复议直接起诉", 5), (grid[1, 5].Text, grid[1, 5].ColumnSpan));
        Assert.Equal(("复议后起诉", 5), (grid[1, 10].Text, grid[1, 10].ColumnSpan));
        Assert.Equal("总计", grid[2, 14].Text);
        Assert.Equal(15, layout.Rows[3].Cells.Count);
    }

    [Fact]
    public void Active_disclosure_blocks_have_a_title_a_heading_and_a_spanning_single_column()
    {
        var layout = Layout(ReportFormat.Format2021, TableCodes.ActiveDisclosure);
        var grid = Grid(layout);

        Assert.Equal(4, layout.ColumnCount);
        Assert.Equal(("第二十条第（一）项", 4), (grid[0, 0].Text, grid[0, 0].ColumnSpan));
        Assert.Equal(["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"], Enumerable.Range(0, 4).Select(c => grid[1, c].Text));
        Assert.Equal("第二十条第（五）项", grid[4, 0].Text);
        Assert.Equal(("本年处理决定数量", 3), (grid[5, 1].Text, grid[5, 1].ColumnSpan));
        Assert.Equal(3, grid[6, 1].ColumnSpan);
        Assert.Equal("licensing", grid[6, 1].Cell!.Row.Code);
    }
}
