using GovInfoPortal.Documents.Composition;
using PdfSharp.Drawing;

namespace GovInfoPortal.Documents.Pdf;

/// <summary>
/// Draws a table in its official layout: merged cells as one box, labels wrapped inside their columns, the
/// heading rows repeated when the table runs onto another page. A table that fits one page is kept whole.
/// </summary>
internal sealed class PdfTableDrawer(PdfText text)
{
    private const double Tolerance = 0.01;
    private const double Size = OfficialPage.TableSize;
    private const double LineHeight = Size * 1.3;
    private const double VerticalPadding = 2;
    private const double HorizontalPadding = TableGeometry.PaddingEms * Size;
    private const double MinimumRowHeight = LineHeight + (2 * VerticalPadding);

    private static readonly XPen Border = new(XColors.Black, 0.6);

    private sealed record Measured(DocumentTable Table, double[] Widths, double[] Offsets, double[] Heights, Dictionary<GridCell, (List<Glyph> Glyphs, List<TextLine> Lines)> Texts)
    {
        public double HeaderHeight => Heights.Take(Table.HeaderRowCount).Sum();

        public double TotalHeight => Heights.Sum();
    }

    private readonly Dictionary<DocumentTable, Measured> _measured = [];

    /// <summary>The height the table needs at the foot of a page: its heading rows and first row, or all of it when it is kept whole.</summary>
    public double MinimumHeight(DocumentTable table)
    {
        var measured = Measure(table);
        return measured.TotalHeight <= OfficialPage.TextHeight
            ? measured.TotalHeight
            : measured.HeaderHeight + measured.Heights[measured.Table.HeaderRowCount];
    }

    /// <summary>Draws the table from <paramref name="y"/> down; returns where it ends on the last page it used.</summary>
    public double Draw(DocumentTable table, double y, double pageHeight, double left, double width, Func<double> newPage, Func<XGraphics> graphics)
    {
        var measured = Measure(table);
        if (y > 0 && y + MinimumHeight(table) > pageHeight + Tolerance)
        {
            y = newPage();
        }

        var header = Enumerable.Range(0, table.HeaderRowCount).ToList();
        var rows = new List<int>(header);
        var top = y;
        y += measured.HeaderHeight;
        for (var row = table.HeaderRowCount; row < table.RowCount; row++)
        {
            if (y + measured.Heights[row] > pageHeight + Tolerance && rows.Count > header.Count)
            {
                DrawRows(measured, rows, top, left, graphics());
                top = newPage();
                rows = new List<int>(header);
                y = top + measured.HeaderHeight;
            }

            rows.Add(row);
            y += measured.Heights[row];
        }

        DrawRows(measured, rows, top, left, graphics());
        return y;
    }

    private Measured Measure(DocumentTable table)
    {
        if (_measured.TryGetValue(table, out var measured))
        {
            return measured;
        }

        var widths = TableGeometry.ColumnWidths(table, OfficialPage.TextWidth, Size);
        var offsets = new double[widths.Length + 1];
        for (var i = 0; i < widths.Length; i++)
        {
            offsets[i + 1] = offsets[i] + widths[i];
        }

        var texts = new Dictionary<GridCell, (List<Glyph>, List<TextLine>)>();
        foreach (var cell in table.Cells)
        {
            var inner = TableGeometry.Width(cell, widths) - (2 * HorizontalPadding);
            var glyphs = text.Shape(cell.Text, Typeface.Song, Size);
            texts[cell] = (glyphs, PdfText.Break(glyphs, inner, inner));
        }

        var heights = TableGeometry.RowHeights(table, cell => (texts[cell].Item2.Count * LineHeight) + (2 * VerticalPadding), MinimumRowHeight);
        measured = new Measured(table, widths, offsets, heights, texts);
        _measured[table] = measured;
        return measured;
    }

    /// <summary>Draws the given rows (the heading rows, then a run of body rows) from <paramref name="top"/> of one page.</summary>
    private static void DrawRows(Measured measured, List<int> rows, double top, double left, XGraphics graphics)
    {
        var rowTop = new Dictionary<int, double>();
        var y = OfficialPageTop + top;
        foreach (var row in rows)
        {
            rowTop[row] = y;
            y += measured.Heights[row];
        }

        foreach (var cell in measured.Table.Cells)
        {
            var visible = rows.Where(r => r >= cell.Row && r <= cell.LastRow).ToList();
            if (visible.Count == 0)
            {
                continue;
            }

            var x = left + measured.Offsets[cell.Column];
            var width = measured.Offsets[cell.LastColumn + 1] - measured.Offsets[cell.Column];
            var boxTop = rowTop[visible[0]];
            var boxHeight = rowTop[visible[^1]] + measured.Heights[visible[^1]] - boxTop;
            graphics.DrawRectangle(Border, x, boxTop, width, boxHeight);

            var (glyphs, lines) = measured.Texts[cell];
            var textHeight = lines.Count * LineHeight;
            var startsHere = visible[0] == cell.Row;
            if (glyphs.Count == 0 || (!startsHere && textHeight + (2 * VerticalPadding) > boxHeight + Tolerance))
            {
                continue; // the part of a merged cell continued from the page before repeats its label only where it fits
            }

            var state = graphics.Save();
            graphics.IntersectClip(new XRect(x, boxTop, width, boxHeight));
            var lineTop = boxTop + Math.Max(VerticalPadding, (boxHeight - textHeight) / 2);
            foreach (var line in lines)
            {
                var lineWidth = PdfText.Width(glyphs, line);
                var lineX = cell.Role is GridCellRole.RowHeader or GridCellRole.Note
                    ? x + HorizontalPadding
                    : x + ((width - lineWidth) / 2);
                var baseline = lineTop + ((LineHeight - Size) / 2) + (0.88 * Size);
                PdfText.Draw(graphics, glyphs, line, lineX, baseline, cell.Role == GridCellRole.Note ? width - (2 * HorizontalPadding) : null);
                lineTop += LineHeight;
            }

            graphics.Restore(state);
        }
    }

    private static readonly double OfficialPageTop = OfficialPage.Points(OfficialPage.TopMarginMm);
}
