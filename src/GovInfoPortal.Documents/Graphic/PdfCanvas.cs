using GovInfoPortal.Documents.Composition;
using GovInfoPortal.Documents.Pdf;
using PdfSharp.Drawing;

namespace GovInfoPortal.Documents.Graphic;

/// <summary>Draws onto a PDFsharp page, text in the shipped 黑体 through the report PDFs' font resolver.</summary>
internal sealed class PdfCanvas(XGraphics graphics) : GraphicCanvas
{
    private static XColor Color(string hex) => XColor.FromArgb(
        Convert.ToInt32(hex[1..3], 16), Convert.ToInt32(hex[3..5], 16), Convert.ToInt32(hex[5..7], 16));

    public override void Rect(double x, double y, double width, double height, string fill) =>
        graphics.DrawRectangle(new XSolidBrush(Color(fill)), x, y, width, height);

    public override void Line(double x1, double y1, double x2, double y2, string stroke, double width) =>
        graphics.DrawLine(new XPen(Color(stroke), width), x1, y1, x2, y2);

    public override void Text(double x, double y, string text, double size, string fill, TextAnchor anchor = TextAnchor.Start, bool bold = false)
    {
        var font = PdfFonts.Create(Typeface.Hei, size, bold);
        var format = anchor switch
        {
            TextAnchor.Middle => XStringFormats.BaseLineCenter,
            TextAnchor.End => XStringFormats.BaseLineRight,
            _ => XStringFormats.BaseLineLeft,
        };
        graphics.DrawString(text, font, new XSolidBrush(Color(fill)), x, y, format);
    }
}
