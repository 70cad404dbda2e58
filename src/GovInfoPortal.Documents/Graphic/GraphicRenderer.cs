using GovInfoPortal.Core.Formats;
using GovInfoPortal.Documents.Pdf;
using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using SkiaSharp;

namespace GovInfoPortal.Documents.Graphic;

/// <summary>
/// The 图解 of a report in every form: the page's charts as inline SVG (text as text), and the one-page poster a body
/// posts beside its report as SVG (text as the shipped 黑体's outlines), PNG and PDF (one A4 page, the shipped fonts
/// embedded). Every SVG carries its figures as its text alternative (title and desc).
/// </summary>
public static class GraphicRenderer
{
    public const string SvgType = "image/svg+xml";
    public const string PngType = "image/png";

    /// <summary>The inline chart of one group for the page (role="img", labelled by its title and desc).</summary>
    public static string PageChart(GraphicSummary summary, SummaryGroup group, string id)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(group);
        var canvas = new SvgCanvas(null);
        GraphicLayout.PageChart(canvas, group, summary);
        return canvas.ToSvg(id, GraphicLayout.PageChartWidth, GraphicLayout.PageChartHeight(group, summary.HasPrevious),
            $"{summary.Year}年{group.Title}图表", group.Describe(summary.Year, summary.PreviousYear), standalone: false);
    }

    /// <summary>The poster as a standalone SVG file (UTF-8).</summary>
    public static byte[] PosterSvg(GraphicSummary summary, string title, string footer)
    {
        ArgumentNullException.ThrowIfNull(summary);
        using var outlines = new GlyphOutlines();
        var canvas = new SvgCanvas(outlines);
        GraphicLayout.Poster(canvas, summary, title, footer);
        var svg = canvas.ToSvg("graphic", GraphicLayout.PosterWidth, GraphicLayout.PosterHeight, title + "图解", summary.Describe(title), standalone: true);
        return System.Text.Encoding.UTF8.GetBytes(svg);
    }

    /// <summary>The poster as a PNG, twice the poster's units (2000 × 2828 pixels).</summary>
    public static byte[] PosterPng(GraphicSummary summary, string title, string footer)
    {
        ArgumentNullException.ThrowIfNull(summary);
        const float scale = 2;
        using var typeface = GraphicFonts.Hei();
        using var bitmap = new SKBitmap((int)(GraphicLayout.PosterWidth * scale), (int)(GraphicLayout.PosterHeight * scale));
        using (var surface = new SKCanvas(bitmap))
        {
            surface.Clear(SKColors.White);
            surface.Scale(scale);
            GraphicLayout.Poster(new SkiaCanvas(surface, typeface), summary, title, footer);
        }

        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    /// <summary>The poster as a one-page A4 PDF, its figures also in the document's subject.</summary>
    public static byte[] PosterPdf(GraphicSummary summary, string title, string footer)
    {
        ArgumentNullException.ThrowIfNull(summary);
        PdfFonts.Register();
        using var document = new PdfDocument();
        document.Info.Title = title + "图解";
        document.Info.Subject = summary.Describe(title);
        document.Info.Creator = "GovInfoPortal";
        document.Language = "zh-CN";
        document.ViewerPreferences.DisplayDocTitle = true;
        document.Options.CompressContentStreams = true;
        var page = document.AddPage();
        page.Size = PageSize.A4;
        using (var graphics = XGraphics.FromPdfPage(page))
        {
            var scale = page.Width.Point / GraphicLayout.PosterWidth;
            graphics.ScaleTransform(scale);
            GraphicLayout.Poster(new PdfCanvas(graphics), summary, title, footer);
        }

        using var buffer = new MemoryStream();
        document.Save(buffer, false);
        return buffer.ToArray();
    }
}
