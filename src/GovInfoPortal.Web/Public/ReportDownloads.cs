using System.Text;
using GovInfoPortal.Core.Domain;
using GovInfoPortal.Core.Interchange;
using GovInfoPortal.Documents;
using Microsoft.Net.Http.Headers;

namespace GovInfoPortal.Web.Public;

/// <summary>A rendered download: its bytes, content type and the two file names of its Content-Disposition.</summary>
public sealed record ReportFile(byte[] Content, string ContentType, string FileName, string AsciiFileName)
{
    /// <summary><c>attachment; filename="350505-2023.pdf"; filename*=UTF-8''泉港区2023年…</c> (RFC 6266 / RFC 5987).</summary>
    public string ContentDisposition => new ContentDispositionHeaderValue("attachment")
    {
        FileName = $"\"{AsciiFileName}\"",
        FileNameStar = FileName,
    }.ToString();
}

/// <summary>Renders published reports with whichever <see cref="IReportRenderer"/>s are registered.</summary>
public sealed class ReportDownloads(IEnumerable<IReportRenderer> renderers)
{
    private readonly IReadOnlyDictionary<string, IReportRenderer> _byExtension =
        renderers.GroupBy(r => r.Extension, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.Last(), StringComparer.OrdinalIgnoreCase);

    public bool Supports(string extension) => _byExtension.ContainsKey(extension);

    /// <summary>The formats offered, in the order of <see cref="ReportLinks.Downloads"/>, that have a renderer.</summary>
    public IReadOnlyList<(string Extension, string Name)> Available =>
        [.. ReportLinks.Downloads.Where(d => Supports(d.Extension))];

    public async Task<ReportFile> RenderAsync(AnnualReport report, string extension, CancellationToken cancellationToken = default)
    {
        var renderer = _byExtension[extension];
        var document = ReportDocument.FromReport(report);
        using var buffer = new MemoryStream();
        await renderer.RenderAsync(document, buffer, cancellationToken);
        var ascii = $"{AsciiKey(ReportLinks.KeyOf(report.Organization))}-{report.Year}-annual-report.{renderer.Extension.ToLowerInvariant()}";
        return new ReportFile(buffer.ToArray(), renderer.ContentType, FileNameOf(document, extension), ascii);
    }

    /// <summary>
    /// Writes a rendering straight into <paramref name="output"/>, a stream that accepts synchronous writes
    /// (a file, an entry of a ZIP being built): without the copy in memory a download is served from, where
    /// the renderer allows it. Its name is <see cref="FileNameOf"/>.
    /// </summary>
    public async Task WriteAsync(ReportDocument document, string extension, Stream output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(document);
        var renderer = _byExtension[extension];
        if (renderer is IDirectReportRenderer direct)
        {
            cancellationToken.ThrowIfCancellationRequested();
            direct.Render(document, output);
        }
        else
        {
            await renderer.RenderAsync(document, output, cancellationToken);
        }
    }

    /// <summary>A download's name as <see cref="RenderAsync"/> gives it, known before rendering.</summary>
    public string FileNameOf(ReportDocument document, string extension) =>
        ReportFileNames.For(document, _byExtension[extension].Extension.ToLowerInvariant());

    /// <summary>A file-name-safe ASCII form of the organization key (codes are ASCII already).</summary>
    internal static string AsciiKey(string key)
    {
        var ascii = new StringBuilder(key.Length);
        foreach (var c in key)
        {
            ascii.Append(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_');
        }

        return ascii.ToString();
    }
}
