using GovInfoPortal.Core.Interchange;
using GovInfoPortal.Documents.Pdf;
using GovInfoPortal.Testing;
using Microsoft.EntityFrameworkCore;

namespace GovInfoPortal.Cli.Tests;

/// <summary><c>verify FILE</c> on downloads of a published report of the database: exit 0, 1 and 2.</summary>
public sealed class VerifyCommandTests(DatabaseFixture databases) : IClassFixture<DatabaseFixture>, IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static Task<CliResult> RunAsync(TestDatabase database, params string[] args) =>
        CliRunner.RunAsync([.. args, "--provider", database.Provider.ToString(), "--connection", database.ConnectionString]);

    /// <summary>A database with 泉港区 2023 imported as published, and its document as the portal's downloads give it.</summary>
    private async Task<(TestDatabase Database, ReportDocument Document)> PublishedAsync(TestProvider provider)
    {
        var database = await databases.CreateAsync(provider);
        var imported = await RunAsync(database, "import", _folder.Copy("quangang-2023.json"));
        Assert.True(imported.ExitCode == 0, imported.Error);
        await using var db = database.CreateContext();
        var report = await db.Reports.Include(r => r.Organization).ThenInclude(o => o.Parent).SingleAsync(r => r.Year == 2023);
        Assert.True(ReportFingerprint.IsWellFormed(report.Fingerprint));
        return (database, ReportDocument.FromReport(report));
    }

    [Theory]
    [SqliteData]
    [PostgresData]
    public async Task A_json_download_verifies_with_its_version_and_a_changed_figure_does_not(TestProvider provider)
    {
        var (database, document) = await PublishedAsync(provider);
        var download = _folder.Write("download.json", ReportDocumentWriter.Write(document));

        var verified = await RunAsync(database, "verify", download);

        Assert.True(verified.ExitCode == 0, verified.Error);
        Assert.Contains("核验通过", verified.Out, StringComparison.Ordinal);
        Assert.Contains("年度：2023", verified.Out, StringComparison.Ordinal);
        Assert.Contains("版本：第 1 版（现行版本）", verified.Out, StringComparison.Ordinal);
        Assert.Contains("发布日期：2024年1月10日", verified.Out, StringComparison.Ordinal);
        Assert.Contains(document.Fingerprint!, verified.Out, StringComparison.Ordinal);

        var received = document.Applications.Row("newlyReceived")["naturalPerson"];
        var changed = _folder.Write("changed.json", ReportDocumentWriter.Write(
            document with { Applications = document.Applications.With("newlyReceived", "naturalPerson", received + 1) }));
        var refused = await RunAsync(database, "verify", changed);

        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("核验未通过", refused.Out, StringComparison.Ordinal);
        Assert.Contains("已被改动", refused.Out, StringComparison.Ordinal);
    }

    [Theory]
    [SqliteData]
    public async Task A_pdf_download_verifies_and_an_altered_byte_does_not(TestProvider provider)
    {
        var (database, document) = await PublishedAsync(provider);
        var pdf = PdfRenderer.Render(document);
        var download = Path.Combine(_folder.Path, "download.pdf");
        await File.WriteAllBytesAsync(download, pdf);

        var verified = await RunAsync(database, "verify", download);

        Assert.True(verified.ExitCode == 0, verified.Error);
        Assert.Contains("该 PDF 文件是", verified.Out, StringComparison.Ordinal);

        pdf[pdf.Length / 2] ^= 0x20;
        await File.WriteAllBytesAsync(download, pdf);
        var refused = await RunAsync(database, "verify", download);

        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("文件内容与该版本不一致", refused.Out, StringComparison.Ordinal);
    }

    [Theory]
    [SqliteData]
    public async Task Garbage_a_missing_file_and_no_file_are_usage_errors(TestProvider provider)
    {
        var database = await databases.CreateAsync(provider);
        var garbage = _folder.Write("garbage.json", "这不是报告");

        var unreadable = await RunAsync(database, "verify", garbage);
        var missing = await RunAsync(database, "verify", Path.Combine(_folder.Path, "missing.pdf"));
        var none = await CliRunner.RunAsync("verify");

        Assert.Equal(2, unreadable.ExitCode);
        Assert.Contains("无法识别的文件", unreadable.Error, StringComparison.Ordinal);
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("文件不存在", missing.Error, StringComparison.Ordinal);
        Assert.Equal(2, none.ExitCode);
        Assert.Empty(none.Out);
    }
}
