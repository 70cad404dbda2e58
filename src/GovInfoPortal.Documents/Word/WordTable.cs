using System.Globalization;
using DocumentFormat.OpenXml.Wordprocessing;
using GovInfoPortal.Documents.Composition;

namespace GovInfoPortal.Documents.Word;

/// <summary>
/// A table in the official merged-cell layout: a cell spanning columns is one cell with w:gridSpan; a cell
/// spanning rows starts with w:vMerge="restart" and continues in each row below with an empty w:vMerge cell
/// of the same width. Heading rows repeat on each page.
/// </summary>
internal static class WordTable
{
    public static Table Create(DocumentTable table)
    {
        var widths = TableGeometry.ColumnWidths(table, OfficialPage.TextWidth, OfficialPage.TableSize)
            .Select(points => (int)Math.Round(WordStyles.Twips(points)))
            .ToArray();
        var result = new Table(
            new TableProperties(
                new TableStyle { Val = WordStyles.TableStyle },
                new TableWidth { Width = widths.Sum().ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa },
                new TableLayout { Type = TableLayoutValues.Fixed },
                new TableCaption { Val = table.Caption }),
            new TableGrid(widths.Select(w => new GridColumn { Width = w.ToString(CultureInfo.InvariantCulture) })));

        for (var row = 0; row < table.RowCount; row++)
        {
            var properties = new TableRowProperties(new CantSplit());
            if (row < table.HeaderRowCount)
            {
                properties.Append(new TableHeader());
            }

            var tableRow = new TableRow(properties);
            var column = 0;
            while (column < table.ColumnCount)
            {
                var cell = table.At(row, column) ?? throw new InvalidOperationException($"Table {table.Code} has no cell at row {row}, column {column}.");
                tableRow.Append(Cell(cell, continued: cell.Row != row, widths));
                column = cell.LastColumn + 1;
            }

            result.Append(tableRow);
        }

        return result;
    }

    private static TableCell Cell(GridCell cell, bool continued, int[] widths)
    {
        var width = widths.Skip(cell.Column).Take(cell.ColumnSpan).Sum();
        var properties = new TableCellProperties(new TableCellWidth { Width = width.ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa });
        if (cell.ColumnSpan > 1)
        {
            properties.Append(new GridSpan { Val = cell.ColumnSpan });
        }

        if (cell.RowSpan > 1)
        {
            properties.Append(continued ? new VerticalMerge() : new VerticalMerge { Val = MergedCellValues.Restart });
        }

        properties.Append(new TableCellVerticalAlignment { Val = TableVerticalAlignmentValues.Center });

        var paragraph = new Paragraph(new ParagraphProperties(
            new ParagraphStyleId { Val = WordStyles.TableTextStyle },
            new Justification { Val = cell.Role is GridCellRole.RowHeader or GridCellRole.Note ? JustificationValues.Left : JustificationValues.Center }));
        if (!continued && cell.Text.Length > 0)
        {
            paragraph.Append(new Run(WordRenderer.Text(cell.Text)));
        }

        return new TableCell(properties, paragraph);
    }
}
