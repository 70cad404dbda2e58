using GovInfoPortal.Core.Formats;
using GovInfoPortal.Core.Interchange;
using GovInfoPortal.Documents.Pdf;

namespace GovInfoPortal.Documents.Verification;

/// <summary>What verifying a file found.</summary>
public enum VerificationOutcome
{
    /// <summary>The file is a published version, unchanged.</summary>
    Verified,

    /// <summary>The file names a published version (its stated fingerprint) but its content differs from it.</summary>
    Changed,

    /// <summary>The file is readable but no published version has its content.</summary>
    NotPublished,

    /// <summary>Neither a PDF nor a readable <c>govinfo-annual-report/1</c> document.</summary>
    Unreadable,
}

/// <summary>
/// The outcome of verifying a file: <see cref="Version"/> is the version found (verified) or the version the file
/// claims to be (changed); <see cref="Fingerprint"/> the fingerprint of the file's content (JSON) or the one it states
/// (PDF); <see cref="Message"/> says it in zh-CN.
/// </summary>
public sealed record VerificationResult(VerificationOutcome Outcome, string? Kind, string? Fingerprint, PublishedVersion? Version, string Message)
{
    public bool Verified => Outcome == VerificationOutcome.Verified;

    /// <summary><c>verified</c>, <c>changed</c>, <c>notPublished</c> or <c>unreadable</c>, as the API states it.</summary>
    public string OutcomeCode => Outcome switch
    {
        VerificationOutcome.Verified => "verified",
        VerificationOutcome.Changed => "changed",
        VerificationOutcome.NotPublished => "notPublished",
        _ => "unreadable",
    };
}

/// <summary>
/// Tells whether a downloaded file is a published version, and which. A JSON document is read, put in its canonical
/// form and its fingerprint taken (<see cref="ReportFingerprint"/>): the fingerprint of a published version means it
/// is that version, whatever its whitespace or key order. A PDF names its version by the fingerprint in its document
/// information (<see cref="PdfFingerprint"/>); that version is rendered again — a version's PDF is the same bytes every
/// time — and the file must be those bytes, so a PDF altered in any byte is refused though it still names a version.
/// </summary>
public static class DownloadVerifier
{
    /// <summary>The largest file verified: the largest PDF the portal accepts anywhere.</summary>
    public const int MaxBytes = 20 * 1024 * 1024;

    public static async Task<VerificationResult> VerifyAsync(ReadOnlyMemory<byte> content,
        Func<string, CancellationToken, Task<PublishedVersion?>> findVersion, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(findVersion);
        if (content.Length > MaxBytes)
        {
            return new(VerificationOutcome.Unreadable, null, null, null, $"文件过大（超过 {MaxBytes / 1024 / 1024} MB）。");
        }

        return PdfFingerprint.IsPdf(content.Span)
            ? await VerifyPdfAsync(content, findVersion, cancellationToken)
            : await VerifyJsonAsync(content, findVersion, cancellationToken);
    }

    private static async Task<VerificationResult> VerifyPdfAsync(ReadOnlyMemory<byte> content,
        Func<string, CancellationToken, Task<PublishedVersion?>> findVersion, CancellationToken cancellationToken)
    {
        if (PdfFingerprint.Read(content.Span) is not { } stated)
        {
            return new(VerificationOutcome.NotPublished, "pdf", null, null, "该 PDF 文件没有本平台的内容指纹，不是本平台发布的年度报告下载文件。");
        }

        if (await findVersion(stated, cancellationToken) is not { } version)
        {
            return new(VerificationOutcome.NotPublished, "pdf", stated, null, $"该 PDF 文件标明的内容指纹 {stated} 不属于任何已发布的版本。");
        }

        var rendered = PdfRenderer.Render(version.Document with { Fingerprint = version.Fingerprint });
        return rendered.AsSpan().SequenceEqual(content.Span)
            ? new(VerificationOutcome.Verified, "pdf", stated, version, $"该 PDF 文件是{Describe(version)}，内容未被改动。")
            : new(VerificationOutcome.Changed, "pdf", stated, version,
                $"该 PDF 文件标明是{Describe(version)}，但文件内容与该版本不一致：已被改动，不是发布的版本。");
    }

    private static async Task<VerificationResult> VerifyJsonAsync(ReadOnlyMemory<byte> content,
        Func<string, CancellationToken, Task<PublishedVersion?>> findVersion, CancellationToken cancellationToken)
    {
        var read = ReportDocumentReader.Read(content);
        if (read.Document is not { } document)
        {
            return new(VerificationOutcome.Unreadable, null, null, null,
                $"无法识别的文件：既不是 PDF，也不是可读的 {ReportDocument.SchemaId} JSON 文档（{string.Join("；", read.Errors.Select(e => e.ToString()))}）。");
        }

        var fingerprint = ReportFingerprint.Of(document);
        if (await findVersion(fingerprint, cancellationToken) is { } version)
        {
            return new(VerificationOutcome.Verified, "json", fingerprint, version, $"该 JSON 文件是{Describe(version)}，内容未被改动。");
        }

        if (document.Fingerprint is { } stated && stated != fingerprint && await findVersion(stated, cancellationToken) is { } claimed)
        {
            return new(VerificationOutcome.Changed, "json", fingerprint, claimed,
                $"该 JSON 文件标明是{Describe(claimed)}，但内容与该版本不一致（内容指纹为 {fingerprint}）：已被改动，不是发布的版本。");
        }

        return new(VerificationOutcome.NotPublished, "json", fingerprint, null,
            $"没有内容指纹为 {fingerprint} 的已发布版本：该文件不是本平台发布的版本，或内容已被改动。");
    }

    /// <summary>泉州市泉港区人民政府 2023 年度报告第 2 版（现行版本，2024年1月10日发布）.</summary>
    public static string Describe(PublishedVersion version)
    {
        ArgumentNullException.ThrowIfNull(version);
        var published = version.PublishedOn is { } on ? $"{ChineseDates.Date(on)}发布" : "发布日期不详";
        return $"{version.OrganizationName} {version.Year} 年度报告第 {version.Number} 版（{(version.Current ? "现行版本" : "已被更正的旧版本")}，{published}）";
    }
}
