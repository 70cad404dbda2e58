using SkiaSharp;

namespace GovInfoPortal.Documents.Graphic;

/// <summary>Draws onto a SkiaSharp canvas (the PNG), text in the shipped 黑体.</summary>
internal sealed class SkiaCanvas(SKCanvas canvas, SKTypeface typeface) : GraphicCanvas
{
    public override void Rect(double x, double y, double width, double height, string fill)
    {
        using var paint = new SKPaint { Color = SKColor.Parse(fill), IsAntialias = true, Style = SKPaintStyle.Fill };
        canvas.DrawRect((float)x, (float)y, (float)width, (float)height, paint);
    }

    public override void Line(double x1, double y1, double x2, double y2, string stroke, double width)
    {
        using var paint = new SKPaint { Color = SKColor.Parse(stroke), IsAntialias = true, StrokeWidth = (float)width, Style = SKPaintStyle.Stroke };
        canvas.DrawLine((float)x1, (float)y1, (float)x2, (float)y2, paint);
    }

    public override void Text(double x, double y, string text, double size, string fill, TextAnchor anchor = TextAnchor.Start, bool bold = false)
    {
        using var font = new SKFont(typeface, (float)size) { Embolden = bold };
        using var paint = new SKPaint { Color = SKColor.Parse(fill), IsAntialias = true };
        var align = anchor switch { TextAnchor.Middle => SKTextAlign.Center, TextAnchor.End => SKTextAlign.Right, _ => SKTextAlign.Left };
        canvas.DrawText(text, (float)x, (float)y, align, font, paint);
    }
}
