using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using GovInfoPortal.Core.Domain;
using GovInfoPortal.Core.Interchange;
using PdfSharp.Pdf;

namespace GovInfoPortal.Documents.Pdf;

/// <summary>
/// What makes a published version's PDF the same bytes on every machine and names the version it is: the creation
/// and modification dates fixed at the publication date (noon China time, written in UTC, which is the same day; an archived report without one: 1 January
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

    /// <summary>
    /// Replaces the random subset tags PDFsharp gives the embedded fonts (<c>/KHSQZT+WenQuanYi…</c>) with tags
    /// counted in the order the fonts' objects come, the same for every rendering of the same document; every
    /// entry naming one subset keeps naming it by one tag.
    /// </summary>
    internal static void FixFontTags(PdfDocument document)
    {
        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var dictionary in document.Internals.GetAllObjects().OfType<PdfDictionary>())
        {
            foreach (var key in (string[])["/BaseFont", "/FontName"])
            {
                var name = dictionary.Elements.GetName(key);
                if (name is not { Length: > 8 } || name[7] != '+' || !name.AsSpan(1, 6).ContainsOnlyAsciiUppercase())
                {
                    continue;
                }

                var tag = name.Substring(1, 6);
                if (!tags.TryGetValue(tag, out var fixedTag))
                {
                    fixedTag = SubsetTag(tags.Count);
                    tags[tag] = fixedTag;
                }

                dictionary.Elements.SetName(key, "/" + fixedTag + name[7..]);
            }
        }
    }

    /// <summary>
    /// Replaces the XMP's <c>uuid:…</c> document and instance ids in the saved bytes with UUIDs made from the two
    /// halves of the file identifier (<c>/ID</c>), in place: the same length, so the cross-reference offsets hold.
    /// </summary>
    internal static void FixXmpIds(Span<byte> pdf, PdfDocument document)
    {
        string[] halves = [document.Internals.FirstDocumentID, document.Internals.SecondDocumentID];
        var text = Encoding.Latin1.GetString(pdf);
        var index = 0;
        foreach (Match match in XmpUuid().Matches(text))
        {
            var seed = SHA256.HashData(Encoding.Latin1.GetBytes("govinfo-xmp-id:" + halves[Math.Min(index++, 1)]));
            var uuid = new Guid(seed.AsSpan(0, 16)).ToString("D");
            Encoding.ASCII.GetBytes(uuid).CopyTo(pdf[(match.Index + "uuid:".Length)..]);
        }
    }

    [GeneratedRegex(@"(?<=<xmpMM:(?:DocumentID|InstanceID)>)uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", RegexOptions.CultureInvariant)]
    private static partial Regex XmpUuid();

    /// <summary>The n-th tag: GIPAAA, GIPAAB … (six uppercase letters, as the PDF reference asks).</summary>
    private static string SubsetTag(int number)
    {
        var letters = new char[] { 'G', 'I', 'P', 'A', 'A', 'A' };
        for (var i = 5; i >= 3 && number > 0; i--, number /= 26)
        {
            letters[i] = (char)('A' + number % 26);
        }

        return new string(letters);
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
        var utc = new DateTimeOffset(day.ToDateTime(new TimeOnly(12, 0)), ChinaTime.Offset).UtcDateTime;
        document.Info.CreationDate = utc;
        document.Info.ModificationDate = utc;
    }

    private static string Latin1(ReadOnlySpan<byte> bytes) => Encoding.Latin1.GetString(bytes);

    [GeneratedRegex(@"/GovInfoFingerprint\s*\(([0-9a-f]{64})\)", RegexOptions.CultureInvariant)]
    private static partial Regex InfoEntry();
}

internal static class AsciiSpans
{
    public static bool ContainsOnlyAsciiUppercase(this ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (!char.IsAsciiLetterUpper(c))
            {
                return false;
            }
        }

        return true;
    }
}
