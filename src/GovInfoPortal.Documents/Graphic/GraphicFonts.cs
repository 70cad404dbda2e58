using GovInfoPortal.Documents.Pdf;
using SkiaSharp;

namespace GovInfoPortal.Documents.Graphic;

/// <summary>The shipped 黑体 (WenQuanYi Zen Hei) for SkiaSharp, read from the same Fonts folder as the PDF's fonts.</summary>
internal static class GraphicFonts
{
    private static readonly Lazy<SKData> HeiData = new(() => SKData.CreateCopy(PdfFonts.FileBytes(PdfFonts.HeiFamily)));

    public static SKTypeface Hei() =>
        SKTypeface.FromData(HeiData.Value) ?? throw new InvalidOperationException("The shipped font WenQuanYi Zen Hei could not be read.");
}
