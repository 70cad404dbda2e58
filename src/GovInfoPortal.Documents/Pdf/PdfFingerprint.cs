using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using GovInfoPortal.Core.Domain;
using GovInfoPortal.Core.Interchange;
using PdfSharp.Pdf;

namespace GovInfoPortal.Documents.Pdf;

/// <summary>
/// What makes a published version's PDF the same bytes on every machine and names the version it is: the creation
/// and modification dates fixed at the publication date (midnight China time; an archived report without one: 1 January
/// of the year after the report's), the file identifier (<c>/ID</c>) derived from the fingerprint, and the fingerprint
/// itself in the document information, as the custom entry <c>/GovInfoFingerprint</c> and in the keywords
/// (<c>SHA-256 …</c>, which PDFsharp also writes into the XMP metadata).
/// </summary>
public static partial class PdfFingerprint
{
    public const string InfoKey = "/GovInfoFingerprint";

    private const string KeywordsPrefix = "SHA-256 ";

    internal static void Stamp(PdfDocument document, ReportDocument report)
    {
        if (report.PublishedOn is { } publishedOn)
        {
            Date(document, publishedOn);
        }
        else if (report.Fingerprint is not null)
        {
            Date(document, new DateOnly(report.Year + 1, 1, 1));
        }

        if (report.Fingerprint is not { } fingerprint || !ReportFingerprint.IsWellFormed(fingerprint))
        {
            return;
        }

        document.Info.Keywords = KeywordsPrefix + fingerprint;
        document.Info.Elements.SetString(InfoKey, fingerprint);
        // Both halves of the identifier from the fingerprint (one file, never revised), as 16 bytes each.
        var id = SHA256.HashData(Encoding.ASCII.GetBytes("govinfo-pdf-id:" + fingerprint));
        document.Internals.FirstDocumentID = Latin1(id.AsSpan(0, 16));
        document.Internals.SecondDocumentID = Latin1(id.AsSpan(16, 16));
    }

    /// <summary>The fingerprint a PDF names in its document information, or null (not a PDF of a published version).</summary>
    public static string? Read(ReadOnlySpan<byte> pdf)
    {
        // The information dictionary is written uncompressed; the entry is ASCII: /GovInfoFingerprint (64 hex digits).
        var text = Encoding.Latin1.GetString(pdf);
        var match = InfoEntry().Match(text);
        return match.Success ? match.Groups[1].Value : null;
    }

    /// <summary>Whether bytes begin as a PDF does (<c>%PDF-</c>).</summary>
    public static bool IsPdf(ReadOnlySpan<byte> content) => content.StartsWith("%PDF-"u8);

    private static void Date(PdfDocument document, DateOnly day)
    {
        // A local time of the machine would put its offset into the file: the time is given as UTC.
        var utc = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), ChinaTime.Offset).UtcDateTime;
        document.Info.CreationDate = utc;
        document.Info.ModificationDate = utc;
    }

    private static string Latin1(ReadOnlySpan<byte> bytes) => Encoding.Latin1.GetString(bytes);

    [GeneratedRegex(@"/GovInfoFingerprint\s*\(([0-9a-f]{64})\)", RegexOptions.CultureInvariant)]
    private static partial Regex InfoEntry();
}
