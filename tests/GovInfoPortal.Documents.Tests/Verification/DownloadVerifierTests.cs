using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using GovInfoPortal.Core.Interchange;
using GovInfoPortal.Documents.Pdf;
using GovInfoPortal.Documents.Verification;
using GovInfoPortal.Documents.Word;
using DocumentFormat.OpenXml.Packaging;

namespace GovInfoPortal.Documents.Tests.Verification;

public sealed class DownloadVerifierTests
{
    /// <summary>泉港区 2023 as the portal publishes it: its document stating its fingerprint.</summary>
    private static readonly ReportDocument Published = TestReports.Quangang2023 with { Fingerprint = ReportFingerprint.Of(TestReports.Quangang2023) };

    private static readonly PublishedVersion Version = new("泉州市泉港区人民政府", "350505", 1, 2023, 1, Current: true,
        Published.PublishedOn, Published.Fingerprint!, Published);

    private static Task<PublishedVersion?> Find(string fingerprint, CancellationToken cancellationToken) =>
        Task.FromResult(fingerprint == Version.Fingerprint ? Version : null);

    private static Task<VerificationResult> VerifyAsync(byte[] content) => DownloadVerifier.VerifyAsync(content, Find);

    private static byte[] Json(ReportDocument document) => Encoding.UTF8.GetBytes(ReportDocumentWriter.Write(document));

    [Fact]
    public async Task A_json_download_verifies_as_its_version()
    {
        var result = await VerifyAsync(Json(Published));

        Assert.Equal(VerificationOutcome.Verified, result.Outcome);
        Assert.Same(Version, result.Version);
        Assert.Equal(Version.Fingerprint, result.Fingerprint);
        Assert.Contains("第 1 版（现行版本", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_json_download_resaved_in_another_key_order_and_layout_still_verifies()
    {
        // Reversed keys at every level, no indentation, CRLF in the text and 26.0 for 26: the same content.
        var node = JsonNode.Parse(Json(Published))!;
        var resaved = Reverse(node)!.ToJsonString(new JsonSerializerOptions { WriteIndented = false })
            .Replace("\\n", "\\r\\n", StringComparison.Ordinal)
            .Replace("\"total\":26,", "\"total\":26.0,", StringComparison.Ordinal);

        var result = await VerifyAsync(Encoding.UTF8.GetBytes(resaved));

        Assert.Equal(VerificationOutcome.Verified, result.Outcome);
        Assert.Equal(Version.Fingerprint, ReportFingerprint.Of(ReportDocumentReader.Read(resaved).Document!));
    }

    [Fact]
    public async Task A_json_download_with_one_figure_changed_is_refused_as_changed()
    {
        var received = Published.Applications.Row("newlyReceived")["naturalPerson"];
        var changed = Published with { Applications = Published.Applications.With("newlyReceived", "naturalPerson", received + 1) };

        var result = await VerifyAsync(Json(changed));

        Assert.Equal(VerificationOutcome.Changed, result.Outcome);
        Assert.False(result.Verified);
        Assert.Same(Version, result.Version);
        Assert.NotEqual(Version.Fingerprint, result.Fingerprint);
        Assert.Contains("已被改动", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_json_document_of_no_published_version_is_not_verified()
    {
        var result = await VerifyAsync(Json(Published with { Fingerprint = null, Year = 2022 }));

        Assert.Equal(VerificationOutcome.NotPublished, result.Outcome);
        Assert.Null(result.Version);
    }

    [Fact]
    public void A_published_versions_pdf_is_the_same_bytes_every_time_and_names_its_fingerprint()
    {
        var first = PdfRenderer.Render(Published);
        var second = PdfRenderer.Render(Published);

        Assert.Equal(first, second);
        Assert.Equal(Published.Fingerprint, PdfFingerprint.Read(first));
        using var pdf = UglyToad.PdfPig.PdfDocument.Open(first);
        Assert.Equal("SHA-256 " + Published.Fingerprint, pdf.Information.Keywords);
        Assert.Equal("D:20240110", pdf.Information.CreationDate?[..10]);
    }

    [Fact]
    public async Task A_pdf_download_verifies_and_one_altered_byte_is_refused()
    {
        var pdf = PdfRenderer.Render(Published);
        Assert.Equal(VerificationOutcome.Verified, (await VerifyAsync(pdf)).Outcome);

        // One byte in the middle of the file (a content or font stream), the fingerprint entry left as it was.
        var altered = (byte[])pdf.Clone();
        altered[altered.Length / 2] ^= 0x01;
        var result = await VerifyAsync(altered);

        Assert.Equal(Published.Fingerprint, PdfFingerprint.Read(altered));
        Assert.Equal(VerificationOutcome.Changed, result.Outcome);
        Assert.Same(Version, result.Version);
    }

    [Fact]
    public async Task A_pdf_without_a_fingerprint_is_not_a_published_version()
    {
        var result = await VerifyAsync(PdfRenderer.Render(Published with { Fingerprint = null }));

        Assert.Equal(VerificationOutcome.NotPublished, result.Outcome);
    }

    [Theory]
    [InlineData("")]
    [InlineData("这不是报告")]
    [InlineData("{\"schema\":\"govinfo-annual-report/1\"}")]
    public async Task Garbage_is_unreadable_with_a_message(string content)
    {
        var result = await VerifyAsync(Encoding.UTF8.GetBytes(content));

        Assert.Equal(VerificationOutcome.Unreadable, result.Outcome);
        Assert.Contains("无法识别的文件", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_word_download_names_the_fingerprint_in_its_properties()
    {
        using var package = WordprocessingDocument.Open(new MemoryStream(WordRenderer.Render(Published)), false);

        Assert.Equal(Published.Fingerprint, package.PackageProperties.Identifier);
        Assert.Equal("SHA-256 " + Published.Fingerprint, package.PackageProperties.Keywords);
    }

    private static JsonNode? Reverse(JsonNode? node) => node switch
    {
        JsonObject o => new JsonObject(o.Reverse().Select(p => KeyValuePair.Create(p.Key, Reverse(p.Value)))),
        JsonArray a => new JsonArray([.. a.Select(Reverse)]),
        null => null,
        _ => node.DeepClone(),
    };
}
