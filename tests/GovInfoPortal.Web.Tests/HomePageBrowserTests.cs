using GovInfoPortal.Testing;
using Microsoft.Playwright;

namespace GovInfoPortal.Web.Tests;

/// <summary>The home page as a person sees it, in headless Chromium against the portal on Kestrel.</summary>
public sealed class HomePageBrowserTests(DatabaseFixture databases) : IClassFixture<DatabaseFixture>
{
    [BrowserFact]
    public async Task A_visitor_sees_the_published_demo_reports()
    {
        var database = await databases.CreateAsync(TestProvider.Sqlite, migrate: false);
        await using var portal = new PortalFactory(database, demo: true);
        portal.UseKestrel(0);
        portal.StartServer();

        await using var browser = await TestBrowser.LaunchAsync();
        var page = await browser.NewPageAsync();
        await page.GotoAsync(portal.ClientOptions.BaseAddress.ToString());

        Assert.Equal("首页 - 政府信息公开工作年度报告平台", await page.TitleAsync());
        var rows = page.Locator("table.data-table tbody tr");
        Assert.Equal(3, await rows.CountAsync());
        Assert.Equal("泉州市泉港区人民政府", await rows.First.Locator("th").InnerTextAsync());

        await page.SetViewportSizeAsync(390, 844);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = TestBrowser.ArtifactPath("home-phone.png"), FullPage = true });
        Assert.True(await page.Locator("h1").IsVisibleAsync());
    }
}
