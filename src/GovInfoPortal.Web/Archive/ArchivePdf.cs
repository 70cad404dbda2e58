using System.Text;
using UglyToad.PdfPig;

namespace GovInfoPortal.Web.Archive;

/// <summary>
/// Decides whether uploaded bytes are a real PDF, by their content and never by the file's name: a
/// <c>%PDF-</c> header, an <c>%%EOF</c> trailer, and a document PdfPig can open with at least one page.
/// </summary>
public static class ArchivePdf
{
    /// <summary>The largest archive document accepted.</summary>
    public const long MaxBytes = 20 * 1024 * 1024;

    /// <summary>What the upload request may carry in all: the file plus the form's few fields.</summary>
    public const long MaxRequestBytes = MaxBytes + 64 * 1024;

    /// <summary>How far from the start the header and from the end the trailer may be (as readers allow).</summary>
    private const int MarkerWindow = 1024;

    private static readonly byte[] Header = Encoding.ASCII.GetBytes("%PDF-");
    private static readonly byte[] Trailer = Encoding.ASCII.GetBytes("%%EOF");

    /// <summary>The size limit as the messages write it.</summary>
    public static string MaxSizeText => $"{MaxBytes / (1024 * 1024)} MB";

    /// <summary>Null when <paramref name="content"/> is a PDF to accept, otherwise the zh-CN reason it is refused.</summary>
    public static string? Refusal(byte[] content)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (content.Length == 0)
        {
            return "上传的文件是空的，请选择存档报告的 PDF 文件。";
        }

        if (content.LongLength > MaxBytes)
        {
            return $"文件大小为 {SizeText(content.LongLength)}，超过了 {MaxSizeText} 的上限。";
        }

        var head = content.AsSpan(0, Math.Min(MarkerWindow, content.Length));
        var tail = content.AsSpan(Math.Max(0, content.Length - MarkerWindow));
        if (head.IndexOf(Header) < 0 || tail.IndexOf(Trailer) < 0)
        {
            return "上传的文件不是 PDF 文件（按文件内容判断，与文件名无关），请上传存档报告的 PDF 原件。";
        }

        try
        {
            using var document = PdfDocument.Open(content, new ParsingOptions { UseLenientParsing = false });
            if (document.NumberOfPages < 1)
            {
                return "上传的 PDF 文件没有页面，请上传存档报告的 PDF 原件。";
            }

            if (document.IsEncrypted)
            {
                return "上传的 PDF 文件已加密，公众无法直接打开，请上传未加密的 PDF 文件。";
            }

            _ = document.GetPage(1);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            return "上传的 PDF 文件已损坏或无法读取，请检查后重新上传。";
        }

        return null;
    }

    /// <summary>A size as a reader writes it: 812 KB, 3.4 MB.</summary>
    public static string SizeText(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} 字节",
        < 1024 * 1024 => $"{Math.Ceiling(bytes / 1024.0):0} KB",
        _ => $"{bytes / (1024.0 * 1024.0):0.0} MB",
    };
}
