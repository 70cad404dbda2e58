namespace GovInfoPortal.Documents.Composition;

/// <summary>
/// Column widths and row heights of a table, the same for the PDF, Word and Excel renderings. Figure
/// columns get at least two characters (or their widest figure), label columns at least four; labels then
/// grow to fit their text on as few lines as their row span allows, and what width is left goes to the
/// figure columns, up to ten characters each, and then to the labels.
/// </summary>
internal static class TableGeometry
{
    /// <summary>Horizontal padding inside a cell, each side, in ems of the table text.</summary>
    public const double PaddingEms = 0.2;

    private const double FigureMinEms = 2;
    private const double FigureMaxEms = 10;
    private const double LabelMinEms = 4;

    /// <summary>Room for word processors that round widths to whole twips or pixels, so two characters still fit two.</summary>
    private const double RoundingEms = 0.2;

    /// <summary>The widths of the table's columns, in the unit of <paramref name="totalWidth"/> and <paramref name="em"/>.</summary>
    public static double[] ColumnWidths(DocumentTable table, double totalWidth, double em)
    {
        var padding = 2 * PaddingEms * em;
        var figures = table.FigureColumns;
        var minimum = new double[table.ColumnCount];
        var wanted = new double[table.ColumnCount];
        for (var column = 0; column < table.ColumnCount; column++)
        {
            var single = table.Cells.Where(c => c.Column == column && c.ColumnSpan == 1).ToList();
            if (figures[column])
            {
                var widestFigure = single.Where(c => c.Role == GridCellRole.Value).Select(c => TextWidth.Ems(c.Text)).DefaultIfEmpty(0).Max();
                minimum[column] = ((Math.Max(FigureMinEms, widestFigure) + RoundingEms) * em) + padding;
                wanted[column] = minimum[column];
            }
            else
            {
                // A label spanning several rows may wrap onto as many lines without making them taller.
                var need = single.Select(c => TextWidth.Ems(c.Text) / c.RowSpan).DefaultIfEmpty(0).Max();
                minimum[column] = (LabelMinEms * em) + padding;
                wanted[column] = Math.Max(minimum[column], (need * em) + padding);
            }
        }

        var widths = (double[])minimum.Clone();
        var left = totalWidth - widths.Sum();
        if (left < 0)
        {
            return widths.Select(w => w * totalWidth / minimum.Sum()).ToArray();
        }

        left = Grow(widths, wanted, left, column => !figures[column]);
        var figureMaximum = (FigureMaxEms * em) + padding;
        left = Grow(widths, Enumerable.Range(0, widths.Length).Select(c => figures[c] ? Math.Max(widths[c], figureMaximum) : widths[c]).ToArray(), left, column => figures[column]);
        if (left > 1e-9)
        {
            // Everything has what it wants: the labels take the rest (all columns when there are none).
            var takers = Enumerable.Range(0, widths.Length).Where(c => !figures[c]).DefaultIfEmpty(-1).ToList();
            if (takers[0] < 0)
            {
                takers = Enumerable.Range(0, widths.Length).ToList();
            }

            foreach (var column in takers)
            {
                widths[column] += left / takers.Count;
            }
        }

        return widths;
    }

    /// <summary>Grows the chosen columns towards their wanted widths in proportion to what each lacks.</summary>
    private static double Grow(double[] widths, double[] wanted, double available, Func<int, bool> chosen)
    {
        var lacking = Enumerable.Range(0, widths.Length).Where(chosen).Sum(c => Math.Max(0, wanted[c] - widths[c]));
        if (lacking <= 1e-9 || available <= 1e-9)
        {
            return available;
        }

        var share = Math.Min(1, available / lacking);
        for (var column = 0; column < widths.Length; column++)
        {
            if (chosen(column))
            {
                widths[column] += Math.Max(0, wanted[column] - widths[column]) * share;
            }
        }

        return available - (lacking * share);
    }

    /// <summary>The width a cell spans.</summary>
    public static double Width(GridCell cell, IReadOnlyList<double> columnWidths)
    {
        double width = 0;
        for (var column = cell.Column; column <= cell.LastColumn; column++)
        {
            width += columnWidths[column];
        }

        return width;
    }

    /// <summary>
    /// Row heights from each cell's height: a cell on one row sets that row's minimum; a cell over several rows
    /// that needs more than they give adds the difference to its last row.
    /// </summary>
    public static double[] RowHeights(DocumentTable table, Func<GridCell, double> cellHeight, double minimum)
    {
        var heights = Enumerable.Repeat(minimum, table.RowCount).ToArray();
        foreach (var cell in table.Cells.OrderBy(c => c.RowSpan))
        {
            var needed = cellHeight(cell);
            double spanned = 0;
            for (var row = cell.Row; row <= cell.LastRow; row++)
            {
                spanned += heights[row];
            }

            if (needed > spanned)
            {
                heights[cell.LastRow] += needed - spanned;
            }
        }

        return heights;
    }
}
