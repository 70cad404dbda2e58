using GovInfoPortal.Core.Formats;

namespace GovInfoPortal.Documents.Graphic;

/// <summary>
/// The layout of the 图解: bar charts of a <see cref="SummaryGroup"/> (this year, and last year beside it in a light
/// tone), and the one-page poster (title band, key figures, every chart) the downloads draw. Colours follow the
/// portal's (accent blue); every figure is written as text beside its bar, so the picture reads without colour.
/// </summary>
internal static class GraphicLayout
{
    public const string Accent = "#1d4f91";
    public const string Light = "#9db4d6";
    public const string Text = "#1a1a1a";
    public const string Muted = "#555555";
    public const string Rule = "#d0d7e2";
    public const string Band = "#f3f5f8";

    /// <summary>The poster's size: A4's proportions (1 : √2).</summary>
    public const double PosterWidth = 1000;
    public const double PosterHeight = 1414;

    /// <summary>The width of a chart on the page (its viewBox; it scales down to a phone's width).</summary>
    public const double PageChartWidth = 480;

    /// <summary>The figures a group draws as bars: counts (amounts are written out under the bars).</summary>
    public static IReadOnlyList<SummaryFigure> Bars(SummaryGroup group) => [.. group.Figures.Where(f => f.Kind != CellKind.Amount)];

    public static IReadOnlyList<SummaryFigure> Amounts(SummaryGroup group) => [.. group.Figures.Where(f => f.Kind == CellKind.Amount)];

    /// <summary>The height a page chart of the group takes (labels above the bars).</summary>
    public static double PageChartHeight(SummaryGroup group, bool withPrevious) =>
        Legend(withPrevious) + Bars(group).Count * PageRow(withPrevious) + Amounts(group).Count * 22 + 8;

    private static double Legend(bool withPrevious) => withPrevious ? 28 : 4;

    private static double PageRow(bool withPrevious) => withPrevious ? 54 : 42;

    /// <summary>A chart for the page: each figure's label above its bar, the value after the bar.</summary>
    public static void PageChart(GraphicCanvas canvas, SummaryGroup group, GraphicSummary summary)
    {
        var withPrevious = summary.HasPrevious;
        var y = 0d;
        if (withPrevious)
        {
            LegendAt(canvas, 0, 18, summary, 14);
        }

        y += Legend(withPrevious);
        var bars = Bars(group);
        var scale = Scale(bars);
        const double valueRoom = 86;
        var barWidth = PageChartWidth - valueRoom;
        foreach (var figure in bars)
        {
            canvas.Text(0, y + 16, figure.Label, 15, Text);
            BarPair(canvas, 0, y + 22, barWidth, scale, figure, withPrevious, 14, 14, 9);
            y += PageRow(withPrevious);
        }

        AmountLines(canvas, 0, y + 16, group, summary, 14);
    }

    /// <summary>The one-page poster of the downloads.</summary>
    public static void Poster(GraphicCanvas canvas, GraphicSummary summary, string title, string footer)
    {
        const double margin = 48;
        var width = PosterWidth - 2 * margin;
        canvas.Rect(0, 0, PosterWidth, PosterHeight, "#ffffff");
        canvas.Rect(0, 0, PosterWidth, 132, Accent);
        canvas.Text(margin, 62, title, title.Length > 28 ? 26 : 30, "#ffffff", bold: true);
        canvas.Text(margin, 106, summary.HasPrevious ? $"图解 · 与{summary.PreviousYear}年度报告对比" : "图解", 22, "#ffffff");

        var y = 160d;
        y = KeyFigures(canvas, margin, y, width, summary) + 28;
        var withPrevious = summary.HasPrevious;
        if (withPrevious)
        {
            LegendAt(canvas, margin, y, summary, 15);
            y += 26;
        }

        var rowHeight = withPrevious ? 26d : 22d;
        foreach (var code in new[] { GraphicSummary.DisclosureGroup, GraphicSummary.RequestsGroup, GraphicSummary.OutcomesGroup })
        {
            y = PosterChart(canvas, summary.Group(code), summary, margin, y, width, rowHeight) + 14;
        }

        var half = (width - 32) / 2;
        var left = PosterChart(canvas, summary.Group(GraphicSummary.ReviewGroup), summary, margin, y, half, rowHeight, labelWidth: 90);
        var right = PosterChart(canvas, summary.Group(GraphicSummary.LitigationGroup), summary, margin + half + 32, y, half, rowHeight, labelWidth: 90);
        y = Math.Max(left, right) + 8;

        canvas.Line(margin, PosterHeight - 56, PosterWidth - margin, PosterHeight - 56, Rule, 1);
        canvas.Text(margin, PosterHeight - 28, footer, 14, Muted);
        _ = y;
    }

    /// <summary>Four tiles: 本年新收, 办理结果总计 (as 公开率), 行政复议, 行政诉讼, each with its change.</summary>
    private static double KeyFigures(GraphicCanvas canvas, double x, double y, double width, GraphicSummary summary)
    {
        var requests = summary.Group(GraphicSummary.RequestsGroup).Figures[0];
        var review = summary.Group(GraphicSummary.ReviewGroup).Figures[^1];
        var litigation = summary.Group(GraphicSummary.LitigationGroup).Figures[^1];
        var tiles = new (string Label, string Value, string? Change)[]
        {
            ("本年新收申请（件）", requests.ValueText, summary.HasPrevious ? requests.ChangeText : null),
            ("公开率", summary.DisclosureRate.Display, summary.PreviousDisclosureRate is { } rate ? $"{summary.PreviousYear}年 {rate.Display}" : null),
            ("行政复议（件）", review.ValueText, summary.HasPrevious ? review.ChangeText : null),
            ("行政诉讼（件）", litigation.ValueText, summary.HasPrevious ? litigation.ChangeText : null),
        };
        const double gap = 16;
        var tileWidth = (width - gap * (tiles.Length - 1)) / tiles.Length;
        for (var i = 0; i < tiles.Length; i++)
        {
            var left = x + i * (tileWidth + gap);
            canvas.Rect(left, y, tileWidth, 120, Band);
            canvas.Rect(left, y, 6, 120, Accent);
            canvas.Text(left + 20, y + 32, tiles[i].Label, 16, Muted);
            canvas.Text(left + 20, y + 80, tiles[i].Value, 40, Accent, bold: true);
            if (tiles[i].Change is { } change)
            {
                canvas.Text(left + 20, y + 108, tiles[i].Label == "公开率" ? change : $"比上年 {change}", 15, Text);
            }
        }

        return y + 120;
    }

    private static double PosterChart(GraphicCanvas canvas, SummaryGroup group, GraphicSummary summary, double x, double y, double width, double rowHeight, double labelWidth = 250)
    {
        canvas.Text(x, y + 22, group.Title + "（件）", 20, Accent, bold: true);
        canvas.Line(x, y + 32, x + width, y + 32, Rule, 1);
        y += 44;
        var bars = Bars(group);
        var scale = Scale(bars);
        const double valueRoom = 96;
        var barLeft = x + labelWidth + 10;
        var barWidth = width - labelWidth - 10 - valueRoom;
        foreach (var figure in bars)
        {
            canvas.Text(x + labelWidth, y + 14, figure.Label, 14, Text, TextAnchor.End);
            BarPair(canvas, barLeft, y + 2, barWidth, scale, figure, summary.HasPrevious, 13, 13, 8);
            y += rowHeight;
        }

        return AmountLines(canvas, x, y + 14, group, summary, 14) - 14;
    }

    /// <summary>This year's bar (and last year's under it), the value after each.</summary>
    private static void BarPair(GraphicCanvas canvas, double x, double y, double width, decimal scale, SummaryFigure figure, bool withPrevious,
        double valueSize, double barHeight, double previousHeight)
    {
        var length = Length(figure.Value, scale, width);
        canvas.Rect(x, y, Math.Max(length, 1), barHeight, Accent);
        var valueText = withPrevious && figure.Change is not null ? $"{figure.ValueText}（{figure.ChangeText}）" : figure.ValueText;
        canvas.Text(x + length + 6, y + barHeight - 2, valueText, valueSize, Text);
        if (withPrevious)
        {
            var top = y + barHeight + 2;
            var previous = Length(figure.Previous, scale, width);
            canvas.Rect(x, top, Math.Max(previous, 1), previousHeight, Light);
            canvas.Text(x + previous + 6, top + previousHeight, figure.PreviousText, valueSize - 3, Muted);
        }
    }

    private static double AmountLines(GraphicCanvas canvas, double x, double y, SummaryGroup group, GraphicSummary summary, double size)
    {
        foreach (var figure in Amounts(group))
        {
            var line = $"{figure.Label}：{figure.ValueText}";
            if (summary.HasPrevious && figure.Previous is not null)
            {
                line += $"（{summary.PreviousYear}年 {figure.PreviousText}）";
            }

            canvas.Text(x, y, line, size, Text);
            y += 22;
        }

        return y;
    }

    private static void LegendAt(GraphicCanvas canvas, double x, double y, GraphicSummary summary, double size)
    {
        canvas.Rect(x, y - size + 2, size, size - 2, Accent);
        canvas.Text(x + size + 6, y, $"{summary.Year}年", size, Text);
        var second = x + size + 6 + size * 4;
        canvas.Rect(second, y - size + 2, size, size - 2, Light);
        canvas.Text(second + size + 6, y, $"{summary.PreviousYear}年（括号内为增减）", size, Text);
    }

    private static decimal Scale(IReadOnlyList<SummaryFigure> figures) =>
        figures.SelectMany(f => new[] { f.Value ?? 0, f.Previous ?? 0 }).DefaultIfEmpty(0).Max() is var max && max > 0 ? max : 1;

    private static double Length(decimal? value, decimal scale, double width) =>
        value is { } v && v > 0 ? (double)(v / scale) * width : 0;
}
