using System.Globalization;
using System.IO.Compression;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using GovInfoPortal.Data.Accounts;
using GovInfoPortal.Testing;
using Microsoft.Playwright;

namespace GovInfoPortal.Web.Tests.Review;

/// <summary>A reviewer in headless Chromium: the city's totals, their Excel file, and a ZIP of the year's PDFs built in the background.</summary>
public sealed class ReviewExportsBrowserTests(DatabaseFixture databases) : IClassFixture<DatabaseFixture>
{
    [BrowserFact]
    public async Task A_reviewer_opens_the_totals_downloads_the_excel_file_and_gets_the_pdfs_as_a_zip()
    {
        var database = await databases.CreateAsync(TestProvider.Sqlite);
        var tree = await ReviewTestData.SeedAsync(database);
        await using var portal = new ReviewPortal(database);
        portal.UseKestrel(0);
        portal.StartServer();
        var baseAddress = portal.ClientOptions.BaseAddress.ToString().TrimEnd('/');
        await portal.CreateUserAsync(ReviewPortal.CityReviewer(tree), PortalRoles.Reviewer, tree.City);

        await using var browser = await TestBrowser.LaunchAsync();
        var page = await browser.NewPageAsync();
        await page.SetViewportSizeAsync(1280, 900);
        await SignIns.SignInAsync(page, baseAddress, ReviewPortal.CityReviewer(tree), ReviewTestData.Password, returnUrl: "/review/totals");

        // The totals of the latest year with published reports, in the official layout.
        await page.WaitForURLAsync("**/review/totals");
        Assert.Equal("统计汇总", await page.Locator("h1").InnerTextAsync());
        Assert.Equal("41", await page.Locator("td[data-cell='newlyReceived.naturalPerson']").InnerTextAsync());
        Assert.Equal("3 份", await page.Locator(".totals-facts dd").First.InnerTextAsync());
        await PageChecks.AssertAccessibleAsync(page, "review-totals");

        // Another year, chosen in the form.
        await page.GetByLabel("年度", new() { Exact = true }).SelectOptionAsync("2020");
        await page.GetByRole(AriaRole.Button, new() { Name = "查看" }).ClickAsync();
        await page.WaitForURLAsync("**/review/totals?org=*&year=2020");
        Assert.Equal("不汇总", await page.Locator("td[data-cell='licensing.previous']").InnerTextAsync());
        await page.GetByLabel("年度", new() { Exact = true }).SelectOptionAsync("2023");
        await page.GetByRole(AriaRole.Button, new() { Name = "查看" }).ClickAsync();
        await page.WaitForURLAsync("**/review/totals?org=*&year=2023");

        var excel = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "下载 Excel 汇总表" }).ClickAsync());
        Assert.Equal($"{tree.CityName}2023年政府信息公开工作年度报告数据汇总.xlsx", excel.SuggestedFilename);
        var workbookPath = TestBrowser.ArtifactPath($"totals-{tree.Unique}.xlsx");
        await excel.SaveAsAsync(workbookPath);
        using (var workbook = SpreadsheetDocument.Open(workbookPath, false))
        {
            var sheet = workbook.WorkbookPart!.Workbook!.Sheets!.Elements<Sheet>().Single(s => s.Name == "表三");
            var cells = ((WorksheetPart)workbook.WorkbookPart.GetPartById(sheet.Id!.Value!)).Worksheet!.Descendants<Cell>();
            Assert.Equal(41m, decimal.Parse(cells.Single(c => c.CellReference == "D6").CellValue!.Text, CultureInfo.InvariantCulture));
        }

        File.Delete(workbookPath);

        // The ZIP, built in the background while the page shows its progress.
        await page.GetByRole(AriaRole.Button, new() { Name = "打包下载全部 PDF" }).ClickAsync();
        await page.WaitForURLAsync("**/review/exports");
        Assert.Contains("已提交导出", await page.Locator(".status-message").InnerTextAsync(), StringComparison.Ordinal);
        var row = page.Locator("table.export-jobs tbody tr").First;
        var link = row.GetByRole(AriaRole.Link, new() { Name = "下载 ZIP" });
        await link.WaitForAsync(new() { Timeout = 120_000 });
        Assert.Equal("已完成：共 3 份（100%）", await row.Locator(".progress-text").InnerTextAsync());
        var progress = await row.Locator("progress").EvaluateAsync<JsonElement>("p => [p.value, p.max]");
        Assert.Equal(3, progress[0].GetDouble());
        Assert.Equal(3, progress[1].GetDouble());
        await PageChecks.AssertAccessibleAsync(page, "review-exports");

        var zip = await page.RunAndWaitForDownloadAsync(() => link.ClickAsync());
        Assert.Equal($"{tree.CityName}2023年政府信息公开工作年度报告（PDF）.zip", zip.SuggestedFilename);
        var zipPath = TestBrowser.ArtifactPath($"pdfs-{tree.Unique}.zip");
        await zip.SaveAsAsync(zipPath);
        using (var archive = ZipFile.OpenRead(zipPath))
        {
            Assert.Equal(3, archive.Entries.Count);
        }

        File.Delete(zipPath);
    }
}
