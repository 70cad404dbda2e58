using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using GovInfoPortal.Core.Domain;
using GovInfoPortal.Core.Formats;
using GovInfoPortal.Data.Accounts;
using GovInfoPortal.Testing;
using GovInfoPortal.Web.Archive;
using Microsoft.EntityFrameworkCore;

namespace GovInfoPortal.Web.Tests.Archive;

/// <summary>The original PDF of a legacy archive report: uploaded by an admin, checked by content, downloaded by anyone.</summary>
public sealed class ArchiveUploadTests(DatabaseFixture databases) : IClassFixture<DatabaseFixture>
{
    /// <summary>A real one-page PDF, as PDFsharp writes it.</summary>
    internal static byte[] RealPdf()
    {
        using var document = new PdfSharp.Pdf.PdfDocument();
        document.AddPage();
        using var buffer = new MemoryStream();
        document.Save(buffer);
        return buffer.ToArray();
    }

    /// <summary>A legacy report of 2015 (published or a draft) of a new organization: its id and the organization's code.</summary>
    internal static async Task<(int ReportId, string Code)> LegacyReportAsync(ClerkPortal portal, bool published = true)
    {
        var organization = await portal.CreateOrganizationAsync("某县存档测试局");
        await using var db = portal.Database.CreateContext();
        var entity = await db.Organizations.SingleAsync(o => o.Id == organization.Id);
        var report = AnnualReport.Archived(entity, 2015, ReportFormat.Legacy, published, new DateOnly(2016, 3, 1), DateTime.UtcNow);
        db.Reports.Add(report);
        await db.SaveChangesAsync();
        return (report.Id, organization.Code!);
    }

    internal static async Task<HttpResponseMessage> UploadAsync(PortalSession session, int reportId, byte[] content, string fileName)
    {
        var token = await session.TokenAsync($"/admin/archive/{reportId}");
        using var form = FormPosts.Multipart(token);
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(file, "Document", fileName);
        return await session.Client.PostAsync($"/admin/archive/{reportId}", form);
    }

    [Theory]
    [SqliteData]
    [PostgresData]
    public async Task An_admin_uploads_a_real_pdf_and_anyone_downloads_it_from_the_report_page(TestProvider provider)
    {
        var database = await databases.CreateAsync(provider);
        await using var portal = new ClerkPortal(database, demo: false);
        var (reportId, code) = await LegacyReportAsync(portal);
        var admin = await portal.SignedInAsync(PortalRoles.Admin, null);
        var pdf = RealPdf();

        var uploaded = await UploadAsync(admin, reportId, pdf, "..\\旧报告\\2015年报告.pdf");

        Assert.Equal(HttpStatusCode.Redirect, uploaded.StatusCode);
        var list = await admin.GetStringAsync("/admin/archive?year=2015");
        Assert.Contains("2015年报告.pdf", list, StringComparison.Ordinal);
        Assert.DoesNotContain("年度应为", list, StringComparison.Ordinal);
        Assert.Contains("年度应为 2008–2018 之间的年份", await admin.GetStringAsync("/admin/archive?year=abc"), StringComparison.Ordinal);
        Assert.DoesNotContain("2015年报告.pdf", await admin.GetStringAsync("/admin/archive?year=2016"), StringComparison.Ordinal);
        var hash = Convert.ToHexStringLower(SHA256.HashData(pdf));
        var reader = portal.Session();
        var page = await reader.GetStringAsync($"/reports/{code}/2015");
        Assert.Contains($"href=\"/reports/{code}/2015/original.pdf\"", page, StringComparison.Ordinal);
        Assert.Contains(hash, page, StringComparison.Ordinal);

        var download = await reader.GetAsync($"/reports/{code}/2015/original.pdf");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal($"{code}-2015-archived-original.pdf", download.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        Assert.Equal("某县存档测试局2015年政府信息公开工作年度报告（存档原件）.pdf", download.Content.Headers.ContentDisposition?.FileNameStar);
        Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal(pdf, await download.Content.ReadAsByteArrayAsync());

        // Uploading again replaces the original.
        var second = RealPdf().Concat(Encoding.ASCII.GetBytes("\n% second\n%%EOF\n")).ToArray();
        Assert.Equal(HttpStatusCode.Redirect, (await UploadAsync(admin, reportId, second, "第二版.pdf")).StatusCode);
        await using var db = database.CreateContext();
        var stored = await db.ArchiveDocuments.SingleAsync(d => d.ReportId == reportId);
        Assert.Equal(("第二版.pdf", second.LongLength, Convert.ToHexStringLower(SHA256.HashData(second))), (stored.FileName, stored.Length, stored.Sha256));
    }

    [Fact]
    public async Task What_is_not_a_pdf_is_refused_with_a_reason_and_nothing_is_stored()
    {
        var database = await databases.CreateAsync(TestProvider.Sqlite);
        await using var portal = new ClerkPortal(database, demo: false);
        var (reportId, code) = await LegacyReportAsync(portal);
        var admin = await portal.SignedInAsync(PortalRoles.Admin, null);
        var executable = Encoding.ASCII.GetBytes("MZ\x90\0This program cannot be run in DOS mode.").Concat(new byte[4096]).ToArray();
        var headerOnly = Encoding.ASCII.GetBytes("%PDF-1.7\n这不是真的 PDF\n%%EOF\n");
        var truncated = RealPdf()[..^40];
        var tooLarge = new byte[ArchivePdf.MaxBytes + 1];
        Encoding.ASCII.GetBytes("%PDF-1.7\n").CopyTo(tooLarge, 0);

        async Task<string> Refusal(byte[] content, string name)
        {
            var response = await UploadAsync(admin, reportId, content, name);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return await response.Content.ReadAsStringAsync();
        }

        Assert.Contains("上传的文件是空的", await Refusal([], "空.pdf"), StringComparison.Ordinal);
        Assert.Contains("上传的文件不是 PDF 文件", await Refusal(executable, "report.pdf"), StringComparison.Ordinal);
        Assert.Contains("已损坏或无法读取", await Refusal(headerOnly, "假的.pdf"), StringComparison.Ordinal);
        Assert.Contains("上传的文件不是 PDF 文件", await Refusal(truncated, "截断.pdf"), StringComparison.Ordinal);
        Assert.Contains("超过了 20 MB 的上限", await Refusal(tooLarge, "太大.pdf"), StringComparison.Ordinal);
        var noFile = await admin.PostAsync($"/admin/archive/{reportId}", [], $"/admin/archive/{reportId}");
        Assert.Contains("请选择要上传的 PDF 文件。", await noFile.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        await using var db = database.CreateContext();
        Assert.False(await db.ArchiveDocuments.AnyAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await portal.Session().GetAsync($"/reports/{code}/2015/original.pdf")).StatusCode);
    }

    [Fact]
    public async Task Only_admins_upload_and_only_published_originals_are_served()
    {
        var database = await databases.CreateAsync(TestProvider.Sqlite);
        await using var portal = new ClerkPortal(database, demo: false);
        var (draftId, draftCode) = await LegacyReportAsync(portal, published: false);
        var admin = await portal.SignedInAsync(PortalRoles.Admin, null);
        Assert.Equal(HttpStatusCode.Redirect, (await UploadAsync(admin, draftId, RealPdf(), "草稿.pdf")).StatusCode);

        var clerkOrganization = await portal.CreateOrganizationAsync("某街道");
        var clerk = await portal.SignedInAsync(PortalRoles.Clerk, clerkOrganization.Id);
        var asClerk = await clerk.GetAsync($"/admin/archive/{draftId}");
        var anonymous = await portal.Session().GetAsync($"/admin/archive/{draftId}");

        Assert.NotEqual(HttpStatusCode.OK, asClerk.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Contains("/account/login", anonymous.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await portal.Session().GetAsync($"/reports/{draftCode}/2015/original.pdf")).StatusCode);

        // A report of a current format has no original to upload.
        var current = await portal.CreateReportAsync(clerkOrganization.Id, 2024);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/admin/archive/{current}")).StatusCode);
    }
}
