using GovInfoPortal.Core.Interchange;
using GovInfoPortal.Documents.Composition;
using PdfSharp.Pdf;

namespace GovInfoPortal.Documents.Pdf;

/// <summary>
/// The PDF download: the report as an official document after GB/T 9704-2012, CJK fonts embedded as subsets. A
/// published version's PDF is the same bytes every time (<see cref="PdfFingerprint"/>), so that a copy can be
/// verified by rendering the version again.
/// </summary>
public sealed class PdfRenderer : IDirectReportRenderer
{
    public const string MediaType = "application/pdf";

    public string Extension => "pdf";

    public string ContentType => MediaType;

    public Task RenderAsync(ReportDocument report, Stream output, CancellationToken cancellationToken = default) =>
        RenderedOutput.CopyAsync(Render(report), output, cancellationToken);

    public static byte[] Render(ReportDocument report)
    {
        using var buffer = new MemoryStream();
        Write(report, buffer);
        return buffer.ToArray();
    }

    void IDirectReportRenderer.Render(ReportDocument report, Stream output) => Write(report, output);

    /// <summary>Writes the PDF into <paramref name="output"/> (which needs no seeking), leaving it open.</summary>
    public static void Write(ReportDocument report, Stream output)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        PdfFonts.Register();
        var content = OfficialDocument.For(report);
        using var document = new PdfDocument();
        document.Info.Title = content.Title;
        document.Info.Author = content.Author;
        document.Info.Subject = "政府信息公开工作年度报告";
        document.Info.Creator = "GovInfoPortal";
        PdfFingerprint.Stamp(document, report);
        document.Language = "zh-CN";
        document.ViewerPreferences.DisplayDocTitle = true;
        document.Options.CompressContentStreams = true;
        using (var composer = new PdfComposer(document))
        {
            composer.Compose(content);
        }

        PdfFingerprint.FixFontTags(document);

        // The XMP metadata PDFsharp writes names the file by new random UUIDs at every save: saved into a buffer,
        // they are replaced with UUIDs of the same length from the file identifier, so no offset moves.
        using var buffer = new MemoryStream();
        document.Save(buffer, false);
        PdfFingerprint.FixXmpIds(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), document);
        buffer.Position = 0;
        buffer.CopyTo(output);
    }
}
