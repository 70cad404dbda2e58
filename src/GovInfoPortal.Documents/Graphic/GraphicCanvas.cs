namespace GovInfoPortal.Documents.Graphic;

/// <summary>Where a text's x stands: at its start, its middle or its end.</summary>
internal enum TextAnchor
{
    Start,
    Middle,
    End,
}

/// <summary>
/// What the 图解's layout draws with: rectangles, lines and single-line text, in a coordinate system of its own
/// (y down). The SVG, PNG and PDF renderings each implement it, so that the one layout in <see cref="GraphicLayout"/>
/// gives the same picture in every format.
/// </summary>
internal abstract class GraphicCanvas
{
    public abstract void Rect(double x, double y, double width, double height, string fill);

    public abstract void Line(double x1, double y1, double x2, double y2, string stroke, double width);

    /// <summary>One line of text with its baseline at <paramref name="y"/>.</summary>
    public abstract void Text(double x, double y, string text, double size, string fill, TextAnchor anchor = TextAnchor.Start, bool bold = false);
}
