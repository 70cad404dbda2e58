using System.Net;
using GovInfoPortal.Testing;
using GovInfoPortal.Web.Accounts;
using GovInfoPortal.Web.Archive;
using Microsoft.Playwright;

namespace GovInfoPortal.Web.Tests.Archive;

/// <summary>The admin's archive pages in Chromium: accessible, a refused file explained, a real PDF uploaded and linked.</summary>
public sealed class ArchiveUploadBrowserTests(DatabaseFixture databases) : IClassFixture<DatabaseFixture>
{
    [BrowserFact]
    public async Task The_admin_uploads_the_original_of_a_demo_archive_report_which_the_public_page_then_links()
    {
        var database = await databases.CreateAsync(TestProvider.Sqlite, migrate: false);
        var (portal, site) = ClerkPortal.StartDemoForBrowser(database);
        await using var _ = portal;
        await using var browser = await TestBrowser.LaunchAsync();
        var page = await browser.NewPageAsync();
        await SignIns.SignInAsync(page, site, "demo-admin", DemoAccounts.Password);

        await page.GetByRole(AriaRole.Link, new() { Name = "存档原件" }).ClickAsync();
        await page.WaitForURLAsync("**/admin/archive");
        await PageChecks.AssertAccessibleAsync(page, "admin-archive");
        await page.SetViewportSizeAsync(1280, 900);
        await page.Locator("tr", new() { HasText = "晋江市青阳街道办事处" }).GetByRole(AriaRole.Link).ClickAsync();
        await page.WaitForURLAsync("**/admin/archive/*");
        var upload = page.Url;

        // A renamed executable is refused by its content, and the page says why.
        await page.GetByLabel("PDF 原件").SetInputFilesAsync(new FilePayload
        {
            Name = "report.pdf", MimeType = "application/pdf", Buffer = [.. "MZ"u8, .. new byte[2048]],
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "上传" }).ClickAsync();
        await page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "不是 PDF 文件" }).WaitForAsync();
        Assert.Equal("true", await page.GetByLabel("PDF 原件").GetAttributeAsync("aria-invalid"));
        await PageChecks.AssertAccessibleAsync(page, "admin-archive-upload");
        await page.SetViewportSizeAsync(1280, 900);

        var pdf = ArchiveUploadTests.RealPdf();
        await page.GetByLabel("PDF 原件").SetInputFilesAsync(new FilePayload { Name = "2018年报告原件.pdf", MimeType = "application/pdf", Buffer = pdf });
        await page.GetByRole(AriaRole.Button, new() { Name = "上传" }).ClickAsync();
        await page.WaitForURLAsync("**/admin/archive");
        Assert.Contains("已上传", await page.GetByRole(AriaRole.Status).InnerTextAsync(), StringComparison.Ordinal);
        await page.Locator("td", new() { HasText = "2018年报告原件.pdf" }).WaitForAsync();

        await page.GotoAsync(upload);
        var publicLink = page.GetByRole(AriaRole.Link, new() { Name = "下载当前原件" });
        var original = await publicLink.GetAttributeAsync("href");
        var reportPage = original!.Replace("/original.pdf", "", StringComparison.Ordinal);
        await page.GotoAsync(site + reportPage);
        var link = page.GetByRole(AriaRole.Link, new() { Name = "下载存档报告原件（PDF，" });
        await link.WaitForAsync();
        await PageChecks.AssertAccessibleAsync(page, "archive-report");

        // Beyond the upload's request limit Kestrel refuses the body before it is read.
        using var client = new HttpClient { BaseAddress = new Uri(site) };
        using var huge = new MultipartFormDataContent { { new ByteArrayContent(new byte[ArchivePdf.MaxRequestBytes + 1024 * 1024]), "Document", "huge.pdf" } };
        var cookies = await page.Context.CookiesAsync();
        client.DefaultRequestHeaders.Add("Cookie", string.Join("; ", cookies.Select(c => $"{c.Name}={c.Value}")));
        HttpStatusCode? status = null;
        try
        {
            status = (await client.PostAsync(upload.Replace(site, "", StringComparison.Ordinal), huge)).StatusCode;
        }
        catch (HttpRequestException)
        {
            // The server may close the connection while the client is still sending.
        }

        Assert.True(status is null or HttpStatusCode.RequestEntityTooLarge or HttpStatusCode.BadRequest, $"status {status}");
    }
}
