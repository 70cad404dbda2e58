using System.Security.Cryptography;
using System.Text;

namespace GovInfoPortal.Core.Interchange;

/// <summary>
/// The content fingerprint of a published version: SHA-256, in lowercase hex, over the version's canonical
/// <c>govinfo-annual-report/1</c> form. The canonical form is what <see cref="ReportDocumentWriter.WriteCanonical(Stream, ReportDocument)"/>
/// writes: UTF-8 without a byte order mark, no whitespace between tokens, the keys in the writer's fixed order
/// (the format definition's order of tables, rows and columns; every cell present, empty ones as <c>null</c>),
/// numbers without trailing zeros (<c>26</c>, never <c>26.0</c>), text in Unicode NFC with every line break as
/// <c>\n</c>, only <c>"</c>, <c>\</c> and control characters escaped, and without what is not the version's content:
/// the organization's <c>parent</c> and <c>kind</c> (its place in the tree), <c>fingerprint</c> itself and 签发人.
/// So the same content gives the same bytes whatever the order, the whitespace or the machine it was saved with.
/// </summary>
public static class ReportFingerprint
{
    public const int Length = 64;

    /// <summary>How many leading characters the short form (lists, the HTML snippet) shows.</summary>
    public const int ShortLength = 12;

    /// <summary>The canonical bytes the fingerprint is taken over.</summary>
    public static byte[] Canonical(ReportDocument document)
    {
        using var buffer = new MemoryStream();
        ReportDocumentWriter.WriteCanonical(buffer, document);
        return buffer.ToArray();
    }

    /// <summary>The fingerprint of a document's content (any <see cref="ReportDocument.Fingerprint"/> it states is not used).</summary>
    public static string Of(ReportDocument document) => Convert.ToHexStringLower(SHA256.HashData(Canonical(document)));

    /// <summary>The fingerprint's first <see cref="ShortLength"/> characters, as lists show it.</summary>
    public static string Short(string fingerprint) =>
        fingerprint.Length > ShortLength ? fingerprint[..ShortLength] : fingerprint;

    /// <summary>Whether a text is a fingerprint's form: 64 lowercase hex digits.</summary>
    public static bool IsWellFormed(string? text) =>
        text is { Length: Length } && text.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f');

    /// <summary>A text as the canonical form holds it: NFC, every line break (CR LF, CR) as LF.</summary>
    internal static string NormalizeText(string text) =>
        text.Normalize(NormalizationForm.FormC).Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
}
