namespace GovInfoPortal.Core.Formats.Layout;

/// <summary>
/// Lays out the official tables with the merged cells of the printed forms (DESIGN.md "How the official
/// tables are laid out"). Every rendering — the web page, the editor, PDF, Word, Excel — draws this layout,
/// so the structure is written down once, here, from the format definition.
/// </summary>
public static class OfficialTableLayout
{
    public static TableLayout For(TableDefinition table) => table.Code switch
    {
        TableCodes.ActiveDisclosure => ActiveDisclosure(table),
        TableCodes.Applications => Applications(table),
        TableCodes.ReviewLitigation => ReviewLitigation(table),
        _ => throw new ArgumentOutOfRangeException(nameof(table), table.Code, "Unknown table."),
    };

    private static string HeaderId(TableDefinition table, string kind, string code) => $"{table.Code}-{kind}-{code.Replace('.', '-')}";

    private static LayoutCell Value(CellDefinition cell, IReadOnlyList<string> headers, int columnSpan = 1) => new()
    {
        Kind = LayoutCellKind.Value,
        Cell = cell,
        HeaderIds = headers,
        ColumnSpan = columnSpan,
    };

    /// <summary>
    /// 表二: per article item, a title row across the table, a heading row (信息内容 and the item's
    /// columns), then its rows. The last column of a block spans what is left of the width.
    /// </summary>
    private static TableLayout ActiveDisclosure(TableDefinition table)
    {
        var figureColumns = table.Rows.Max(r => r.Columns.Count);
        var width = 1 + figureColumns;
        var rows = new List<LayoutRow>();
        foreach (var block in Runs(table.Rows, r => r.BlockTitle ?? string.Empty))
        {
            var blockId = HeaderId(table, "block", block.First().Code);
            rows.Add(new LayoutRow([new LayoutCell { Kind = LayoutCellKind.ColumnHeader, Text = block.Key, ColumnSpan = width, Id = blockId }]));

            var columns = block.First().Columns;
            var contentId = HeaderId(table, "content", block.First().Code);
            var heading = new List<LayoutCell> { new() { Kind = LayoutCellKind.ColumnHeader, Text = "信息内容", Id = contentId } };
            heading.AddRange(columns.Select((column, index) => new LayoutCell
            {
                Kind = LayoutCellKind.ColumnHeader,
                Text = column.Label,
                Id = HeaderId(table, "col", $"{block.First().Code}-{column.Code}"),
                ColumnSpan = Span(index, columns.Count, figureColumns),
            }));
            rows.Add(new LayoutRow(heading));

            foreach (var row in block)
            {
                var rowId = HeaderId(table, "row", row.Code);
                var cells = new List<LayoutCell>
                {
                    new() { Kind = LayoutCellKind.RowHeader, Text = row.Label, Id = rowId, HeaderIds = [blockId, contentId] },
                };
                cells.AddRange(row.Columns.Select((column, index) => Value(
                    new CellDefinition(table, row, column),
                    [blockId, rowId, HeaderId(table, "col", $"{block.First().Code}-{column.Code}")],
                    Span(index, row.Columns.Count, figureColumns))));
                rows.Add(new LayoutRow(cells));
            }
        }

        return new TableLayout(table, width, 0, rows);
    }

    /// <summary>Adjacent items with the same key, in order (unlike GroupBy, which joins runs apart).</summary>
    private static IEnumerable<IGrouping<TKey, T>> Runs<T, TKey>(IEnumerable<T> items, Func<T, TKey> key)
    {
        var run = new List<T>();
        TKey current = default!;
        foreach (var item in items)
        {
            var itemKey = key(item);
            if (run.Count > 0 && !EqualityComparer<TKey>.Default.Equals(itemKey, current))
            {
                yield return new Run<TKey, T>(current, run);
                run = [];
            }

            current = itemKey;
            run.Add(item);
        }

        if (run.Count > 0)
        {
            yield return new Run<TKey, T>(current, run);
        }
    }

    private sealed class Run<TKey, T>(TKey key, List<T> items) : IGrouping<TKey, T>
    {
        public TKey Key => key;

        public IEnumerator<T> GetEnumerator() => items.GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }

    private static int Span(int index, int count, int width) => index == count - 1 ? width - count + 1 : 1;

    /// <summary>
    /// 表三: a three-row heading (the note over the three label columns; 申请人情况 over the seven figure
    /// columns; 自然人 and 总计 over two rows; 法人或其他组织 over its five columns), then the rows with
    /// 三、本年度办理结果 and the groups （三）–（六） spanning their sub-rows.
    /// </summary>
    private static TableLayout Applications(TableDefinition table)
    {
        var columns = table.UniformColumns;
        var applicantsId = HeaderId(table, "group", "applicants");
        var legalId = HeaderId(table, "group", "legalPersons");
        string ColumnId(ColumnDefinition column) => HeaderId(table, "col", column.Code);

        var top = new List<LayoutCell>
        {
            new() { Kind = LayoutCellKind.ColumnHeader, Text = table.Note ?? string.Empty, ColumnSpan = 3, RowSpan = 3, IsNote = true, Id = HeaderId(table, "note", "note") },
            new() { Kind = LayoutCellKind.ColumnHeader, Text = "申请人情况", ColumnSpan = columns.Count, Id = applicantsId },
        };
        var second = new List<LayoutCell>();
        var third = new List<LayoutCell>();
        foreach (var group in Runs(columns, c => c.Group))
        {
            if (group.Key is null)
            {
                second.AddRange(group.Select(column => new LayoutCell
                {
                    Kind = LayoutCellKind.ColumnHeader, Text = column.Label, RowSpan = 2, Id = ColumnId(column), HeaderIds = [applicantsId],
                }));
            }
            else
            {
                second.Add(new LayoutCell { Kind = LayoutCellKind.ColumnHeader, Text = group.Key, ColumnSpan = group.Count(), Id = legalId, HeaderIds = [applicantsId] });
                third.AddRange(group.Select(column => new LayoutCell
                {
                    Kind = LayoutCellKind.ColumnHeader, Text = column.Label, Id = ColumnId(column), HeaderIds = [applicantsId, legalId],
                }));
            }
        }

        var rows = new List<LayoutRow> { new(top), new(second), new(third) };
        IReadOnlyList<string> ColumnHeaders(ColumnDefinition column) =>
            column.Group is null ? [applicantsId, ColumnId(column)] : [applicantsId, legalId, ColumnId(column)];

        var sectionRowCount = table.Rows.Count(r => r.SectionLabel is not null);
        var sectionId = HeaderId(table, "section", "handling");
        string? openSection = null;
        string? openGroup = null;
        foreach (var row in table.Rows)
        {
            var cells = new List<LayoutCell>();
            var labelHeaders = new List<string>();
            if (row.SectionLabel is not null)
            {
                labelHeaders.Add(sectionId);
                if (openSection is null)
                {
                    cells.Add(new LayoutCell { Kind = LayoutCellKind.RowHeader, Text = row.SectionLabel, RowSpan = sectionRowCount, Id = sectionId });
                    openSection = row.SectionLabel;
                }
            }

            var rowId = HeaderId(table, "row", row.Code);
            if (row.GroupCode is not null)
            {
                var groupId = HeaderId(table, "group", row.GroupCode);
                labelHeaders.Add(groupId);
                if (openGroup != row.GroupCode)
                {
                    var groupRows = table.Rows.Count(r => r.GroupCode == row.GroupCode);
                    cells.Add(new LayoutCell { Kind = LayoutCellKind.RowHeader, Text = row.GroupLabel!, RowSpan = groupRows, Id = groupId, HeaderIds = [.. labelHeaders.SkipLast(1)] });
                    openGroup = row.GroupCode;
                }

                cells.Add(new LayoutCell { Kind = LayoutCellKind.RowHeader, Text = row.Label, Id = rowId, HeaderIds = [.. labelHeaders] });
            }
            else
            {
                openGroup = null;
                cells.Add(new LayoutCell
                {
                    Kind = LayoutCellKind.RowHeader, Text = row.Label, Id = rowId, HeaderIds = [.. labelHeaders],
                    ColumnSpan = row.SectionLabel is null ? 3 : 2,
                });
            }

            labelHeaders.Add(rowId);
            cells.AddRange(row.Columns.Select(column => Value(new CellDefinition(table, row, column), [.. labelHeaders, .. ColumnHeaders(column)])));
            rows.Add(new LayoutRow(cells));
        }

        return new TableLayout(table, 3 + columns.Count, 3, rows);
    }

    /// <summary>
    /// 表四: 行政复议 over five columns and 行政诉讼 over ten; the five result columns of 行政复议 span two
    /// rows; 未经复议直接起诉 and 复议后起诉 over five columns each, then their result columns; one row of
    /// fifteen figures.
    /// </summary>
    private static TableLayout ReviewLitigation(TableDefinition table)
    {
        var top = new List<LayoutCell>();
        var second = new List<LayoutCell>();
        var third = new List<LayoutCell>();
        var figures = new List<LayoutCell>();
        foreach (var section in Runs(table.Rows, r => r.SectionLabel))
        {
            string? sectionId = null;
            if (section.Key is not null)
            {
                sectionId = HeaderId(table, "section", "litigation");
                top.Add(new LayoutCell
                {
                    Kind = LayoutCellKind.ColumnHeader, Text = section.Key, Id = sectionId,
                    ColumnSpan = section.Sum(r => r.Columns.Count),
                });
            }

            foreach (var row in section)
            {
                var rowId = HeaderId(table, "row", row.Code);
                var resultRow = sectionId is null ? second : third;
                if (sectionId is null)
                {
                    top.Add(new LayoutCell { Kind = LayoutCellKind.ColumnHeader, Text = row.Label, ColumnSpan = row.Columns.Count, Id = rowId });
                }
                else
                {
                    second.Add(new LayoutCell { Kind = LayoutCellKind.ColumnHeader, Text = row.Label, ColumnSpan = row.Columns.Count, Id = rowId, HeaderIds = [sectionId] });
                }

                IReadOnlyList<string> outer = sectionId is null ? [rowId] : [sectionId, rowId];
                foreach (var column in row.Columns)
                {
                    var columnId = HeaderId(table, "col", $"{row.Code}-{column.Code}");
                    resultRow.Add(new LayoutCell
                    {
                        Kind = LayoutCellKind.ColumnHeader, Text = column.Label, Id = columnId, HeaderIds = outer,
                        RowSpan = sectionId is null ? 2 : 1,
                    });
                    figures.Add(Value(new CellDefinition(table, row, column), [.. outer, columnId]));
                }
            }
        }

        var width = table.Rows.Sum(r => r.Columns.Count);
        return new TableLayout(table, width, 3, [new(top), new(second), new(third), new(figures)]);
    }
}
