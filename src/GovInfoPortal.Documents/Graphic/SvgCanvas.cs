using System.Globalization;
using System.Net;
using System.Text;
using SkiaSharp;

namespace GovInfoPortal.Documents.Graphic;

/// <summary>
/// Draws into SVG markup. With <see cref="GlyphOutlines"/> the text is written as the outlines of the shipped 黑体
/// (WenQuanYi Zen Hei), each glyph once in &lt;defs&gt; and placed with &lt;use&gt;, so that the file shows the same on a
/// machine without CJK fonts; without, as &lt;text&gt; in the page's fonts (the inline charts of the page).
/// </summary>
internal sealed class SvgCanvas(GlyphOutlines? outlines) : GraphicCanvas
{
    private readonly StringBuilder _body = new();
    private readonly StringBuilder _defs = new();
    private readonly HashSet<ushort> _defined = [];

    private static string N(double value) => Math.Round(value, 2).ToString(CultureInfo.InvariantCulture);

    public override void Rect(double x, double y, double width, double height, string fill) =>
        _body.Append($"<rect x=\"{N(x)}\" y=\"{N(y)}\" width=\"{N(width)}\" height=\"{N(height)}\" fill=\"{fill}\"/>");

    public override void Line(double x1, double y1, double x2, double y2, string stroke, double width) =>
        _body.Append($"<line x1=\"{N(x1)}\" y1=\"{N(y1)}\" x2=\"{N(x2)}\" y2=\"{N(y2)}\" stroke=\"{stroke}\" stroke-width=\"{N(width)}\"/>");

    public override void Text(double x, double y, string text, double size, string fill, TextAnchor anchor = TextAnchor.Start, bool bold = false)
    {
        if (outlines is null)
        {
            var anchorName = anchor switch { TextAnchor.Middle => "middle", TextAnchor.End => "end", _ => "start" };
            _body.Append($"<text x=\"{N(x)}\" y=\"{N(y)}\" font-size=\"{N(size)}\" fill=\"{fill}\"")
                .Append(anchor == TextAnchor.Start ? string.Empty : $" text-anchor=\"{anchorName}\"")
                .Append(bold ? " font-weight=\"bold\"" : string.Empty)
                .Append('>').Append(WebUtility.HtmlEncode(text)).Append("</text>");
            return;
        }

        var glyphs = outlines.Layout(text, size);
        var start = anchor switch
        {
            TextAnchor.Middle => x - glyphs.Width / 2,
            TextAnchor.End => x - glyphs.Width,
            _ => x,
        };
        var scale = size / GlyphOutlines.UnitsSize;
        _body.Append($"<g fill=\"{fill}\"")
            .Append(bold ? $" stroke=\"{fill}\" stroke-width=\"{N(GlyphOutlines.UnitsSize / 30d)}\"" : string.Empty)
            .Append($" transform=\"translate({N(start)} {N(y)}) scale({N(scale)})\">");
        foreach (var (glyph, offset) in glyphs.Glyphs)
        {
            if (_defined.Add(glyph))
            {
                _defs.Append($"<path id=\"g{glyph}\" d=\"{outlines.PathData(glyph)}\"/>");
            }

            _body.Append($"<use href=\"#g{glyph}\" x=\"{N(offset / scale)}\"/>");
        }

        _body.Append("</g>");
    }

    /// <summary>
    /// The whole SVG: <paramref name="title"/> and <paramref name="description"/> as its text alternative
    /// (role="img", aria-labelledby), then what was drawn.
    /// </summary>
    public string ToSvg(string id, double width, double height, string title, string description, bool standalone)
    {
        var svg = new StringBuilder();
        if (standalone)
        {
            svg.Append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        }

        svg.Append($"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {N(width)} {N(height)}\"")
            .Append(standalone ? $" width=\"{N(width)}\" height=\"{N(height)}\" xml:lang=\"zh-CN\"" : " class=\"graphic-chart\" focusable=\"false\"")
            .Append($" role=\"img\" aria-labelledby=\"{id}-title {id}-desc\">")
            .Append($"<title id=\"{id}-title\">{WebUtility.HtmlEncode(title)}</title>")
            .Append($"<desc id=\"{id}-desc\">{WebUtility.HtmlEncode(description)}</desc>");
        if (_defs.Length > 0)
        {
            svg.Append("<defs>").Append(_defs).Append("</defs>");
        }

        if (outlines is null)
        {
            svg.Append("<g font-family=\"'WenQuanYi Zen Hei', 'PingFang SC', 'Microsoft YaHei', 'Noto Sans CJK SC', sans-serif\" aria-hidden=\"true\">");
        }
        else
        {
            svg.Append("<g aria-hidden=\"true\">");
        }

        return svg.Append(_body).Append("</g></svg>").ToString();
    }
}

/// <summary>The glyphs of the shipped 黑体 (WenQuanYi Zen Hei) as SVG path data, and the layout of a line of text.</summary>
internal sealed class GlyphOutlines : IDisposable
{
    /// <summary>The size glyph outlines are taken at; a use is scaled from it.</summary>
    public const float UnitsSize = 100;

    private readonly SKTypeface _typeface;
    private readonly SKFont _font;

    public GlyphOutlines()
    {
        _typeface = GraphicFonts.Hei();
        _font = new SKFont(_typeface, UnitsSize);
    }

    public (IReadOnlyList<(ushort Glyph, double Offset)> Glyphs, double Width) Layout(string text, double size)
    {
        var glyphs = _font.GetGlyphs(text);
        var widths = _font.GetGlyphWidths(glyphs);
        var scale = size / UnitsSize;
        var placed = new List<(ushort, double)>(glyphs.Length);
        double offset = 0;
        for (var i = 0; i < glyphs.Length; i++)
        {
            placed.Add((glyphs[i], offset));
            offset += widths[i] * scale;
        }

        return (placed, offset);
    }

    public string PathData(ushort glyph)
    {
        using var path = _font.GetGlyphPath(glyph);
        return path?.ToSvgPathData() ?? string.Empty;
    }

    public void Dispose()
    {
        _font.Dispose();
        _typeface.Dispose();
    }
}
