using System.IO.Compression;
using System.Text;
using GovInfoPortal.Core.Domain;
using GovInfoPortal.Core.Interchange;
using GovInfoPortal.Data.Seeding;
using GovInfoPortal.Testing;
using Microsoft.Playwright;

namespace GovInfoPortal.Web.Tests.Public;

/// <summary>A citizen's visit in headless Chromium: find 泉港区 2023, read it, download it, see the charts; axe scans every page type.</summary>
public sealed class PublicBrowserTests(BrowserPortal portal) : IClassFixture<BrowserPortal>
{
    private const string Title = "泉港区2023年政府信息公开工作年度报告";

    [BrowserFact]
    public async Task A_citizen_finds_quangang_2023_by_search_reads_it_and_downloads_every_format()
    {
        await using var browser = await TestBrowser.LaunchAsync();
        var page = await browser.NewPageAsync();
        await page.GotoAsync(portal.BaseAddress + "/");

        var search = page.GetByRole(AriaRole.Search, new() { Name = "检索年度报告" });
        await search.GetByRole(AriaRole.Searchbox).FillAsync("泉港");
        await search.GetByRole(AriaRole.Button, new() { Name = "搜索" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/search?q=", StringComparison.Ordinal));
        Assert.Equal("泉港", await page.Locator("mark").First.InnerTextAsync());
        await page.GetByRole(AriaRole.Link, new() { Name = Title }).ClickAsync();

        await page.WaitForURLAsync("**/reports/350505/2023");
        Assert.Equal(Title, await page.Locator("h1").InnerTextAsync());
        Assert.Equal(3, await page.Locator("table.official-table").CountAsync());
        Assert.Equal("26", await page.Locator("td[data-cell='newlyReceived.total']").InnerTextAsync());
        Assert.Equal("1717", await page.Locator("td[data-cell='licensing.decisions']").InnerTextAsync());

        // Every figure names headers that exist in its table.
        var dangling = await page.EvaluateAsync<int>("""
            () => [...document.querySelectorAll('table.official-table td[headers]')]
                .flatMap(td => td.getAttribute('headers').split(' ').filter(id => !td.closest('table').querySelector('#' + CSS.escape(id))))
                .length
            """);
        Assert.Equal(0, dangling);

        await page.GetByRole(AriaRole.Link, new() { Name = "三、收到和处理政府信息公开申请情况" }).ClickAsync();
        Assert.EndsWith("#part-3", page.Url, StringComparison.Ordinal);

        var links = page.Locator("nav.report-downloads a");
        Assert.Equal(5, await links.CountAsync());
        for (var i = 0; i < 5; i++)
        {
            var download = await page.RunAndWaitForDownloadAsync(() => links.Nth(i).ClickAsync());
            var extension = Path.GetExtension(download.SuggestedFilename).TrimStart('.');
            Assert.Equal($"{Title}.{extension}", download.SuggestedFilename);
            var bytes = await File.ReadAllBytesAsync((await download.PathAsync())!);
            CheckDownload(extension, bytes);
        }
    }

    private static void CheckDownload(string extension, byte[] bytes)
    {
        switch (extension)
        {
            case "csv":
                var csv = Encoding.UTF8.GetString(bytes).TrimStart('\uFEFF');
                Assert.StartsWith("机关,机关代码,年度,格式,表,表代码,行代码,行,列代码,列,数值", csv, StringComparison.Ordinal);
                var demo = DemoDataSeeder.DemoReports().Single(d => d.Year == 2023);
                var cells = demo.Definition().Tables.Sum(t => t.Cells.Count());
                Assert.Equal(cells + 1, csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
                Assert.Contains(",newlyReceived,一、本年新收政府信息公开申请数量,total,总计,26", csv, StringComparison.Ordinal);
                break;
            case "json":
                var read = ReportDocumentReader.Read(Encoding.UTF8.GetString(bytes));
                Assert.True(read.Success, string.Join("; ", read.Errors));
                var expected = DemoDataSeeder.DemoReports().Single(d => d.Year == 2023);
                Assert.Equal(expected.Applications, read.Document!.Applications);
                Assert.Equal(expected.ActiveDisclosure, read.Document.ActiveDisclosure);
                Assert.Equal(expected.ReviewLitigation, read.Document.ReviewLitigation);
                Assert.Equal(expected.Sections, read.Document.Sections);
                break;
            case "pdf":
                Assert.Equal("%PDF-", Encoding.ASCII.GetString(bytes, 0, 5));
                Assert.Contains("%%EOF", Encoding.ASCII.GetString(bytes[^32..]), StringComparison.Ordinal);
                break;
            case "docx":
            case "xlsx":
                // The file opens as an Office package and holds the title and the figures.
                using (var package = new ZipArchive(new MemoryStream(bytes)))
                {
                    var text = string.Concat(package.Entries.Where(e => e.FullName.EndsWith(".xml", StringComparison.Ordinal)).Select(e =>
                    {
                        using var reader = new StreamReader(e.Open());
                        return reader.ReadToEnd();
                    }));
                    Assert.Contains("泉港区", text, StringComparison.Ordinal);
                    Assert.Contains("1717", text, StringComparison.Ordinal);
                    Assert.Contains("435.18246", text, StringComparison.Ordinal);
                }

                break;
            default:
                throw new Xunit.Sdk.XunitException($"Unexpected download .{extension}");
        }
    }

    [BrowserFact]
    public async Task A_citizen_finds_quangang_2023_by_browsing_the_years_and_the_tree()
    {
        await using var browser = await TestBrowser.LaunchAsync();
        var page = await browser.NewPageAsync();
        await page.GotoAsync(portal.BaseAddress + "/");

        await page.GetByRole(AriaRole.Navigation, new() { Name = "主导航" }).GetByRole(AriaRole.Link, new() { Name = "浏览报告" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "2023 年度" }).ClickAsync();
        await page.WaitForURLAsync("**/reports?year=2023");
        Assert.Contains("（共 1 份）", await page.Locator("#browse-list").InnerTextAsync(), StringComparison.Ordinal);
        await page.GetByRole(AriaRole.Link, new() { Name = "泉州市", Exact = true }).ClickAsync();
        await page.Locator(".org-tree").GetByRole(AriaRole.Link, new() { Name = "泉州市泉港区人民政府" }).ClickAsync();
        await page.WaitForURLAsync("**/reports?year=2023&org=350505");
        await page.Locator("table.report-list").GetByRole(AriaRole.Link, new() { Name = "泉州市泉港区人民政府" }).ClickAsync();

        await page.WaitForURLAsync("**/reports/350505/2023");
        Assert.Equal(Title, await page.Locator("h1").InnerTextAsync());
        Assert.Equal(6, await page.Locator("section.report-part h2").CountAsync());
    }

    [BrowserFact]
    public async Task The_statistics_page_draws_its_charts_beside_their_tables()
    {
        await using var browser = await TestBrowser.LaunchAsync();
        var page = await browser.NewPageAsync();
        await page.GotoAsync(portal.BaseAddress + "/stats?org=350505");

        await page.Locator("#chart-trend-applications canvas").WaitForAsync();
        var trend = page.Locator("section[aria-labelledby='stats-trend']");
        Assert.Equal(3, await trend.Locator(".chart:has(canvas)").CountAsync());
        Assert.Equal(3, await trend.Locator("table.chart-table").CountAsync());
        var box = await page.Locator("#chart-trend-outcomes canvas").BoundingBoxAsync();
        Assert.True(box is { Width: > 200, Height: > 200 });

        await page.GotoAsync(portal.BaseAddress + "/stats?org=350500&year=2023");
        await page.Locator("#chart-children-applications canvas").WaitForAsync();
        var table = page.Locator("table.chart-table", new() { Has = page.Locator("#chart-children-applications-table-caption") });
        Assert.Contains("泉港区", await table.Locator("tbody").InnerTextAsync(), StringComparison.Ordinal);
    }

    public static TheoryData<string, string> PublicPages => new()
    {
        { "home", "/" },
        { "browse", "/reports" },
        { "browse-body", "/reports?org=350582&year=2020" },
        { "search", "/search?q=" + Uri.EscapeDataString("依申请公开") },
        { "report", "/reports/350505/2023" },
        { "report-2019", "/reports/350582003/2020" },
        { "report-legacy", "/reports/350582001/2018" },
        { "report-snippet", "/reports/350505/snippet" },
        { "stats", "/stats?org=350500&year=2023" },
        { "stats-body", "/stats?org=350505" },
        { "stats-rank", "/stats/rank?org=350500&year=2023" },
        { "stats-rank-cell", "/stats/rank?org=350582&year=2020&by=applications%7CnewlyReceived%7Ctotal" },
        { "compare", "/compare?a=350505/2023&b=350505/2023" },
        { "compare-formats", "/compare?a=350505/2023&b=350582003/2020" },
        { "compare-form", "/compare" },
        { "graphic", "/reports/350505/2023/graphic" },
        { "graphic-2019", "/reports/350582003/2020/graphic" },
        { "api", "/api" },
        { "datasets", "/datasets" },
        { "datasets-year", "/datasets?org=350500&year=2023" },
    };

    [BrowserTheory]
    [MemberData(nameof(PublicPages))]
    public async Task A_public_page_has_no_axe_violations_and_fits_desktop_and_phone(string name, string path)
    {
        await using var browser = await TestBrowser.LaunchAsync();
        var page = await browser.NewPageAsync();
        await page.SetViewportSizeAsync(1280, 900);
        await page.GotoAsync(portal.BaseAddress + path);
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await PageChecks.AssertAccessibleAsync(page, "public-" + name);
    }
}
