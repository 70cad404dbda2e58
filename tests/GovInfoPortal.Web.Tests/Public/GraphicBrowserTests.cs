using Microsoft.Playwright;
using GovInfoPortal.Testing;

namespace GovInfoPortal.Web.Tests.Public;

/// <summary>The 图解 with last year's figures beside this year's (the demo's history) in headless Chromium: axe, desktop and phone.</summary>
public sealed class GraphicBrowserTests(HistoryBrowserPortal portal) : IClassFixture<HistoryBrowserPortal>
{
    public static TheoryData<string, string> Pages => new()
    {
        { "graphic-change", "/reports/350505/2023/graphic" },
        { "graphic-change-2019", "/reports/350582003/2020/graphic" },
        { "graphic-formats", "/reports/350582003/2021/graphic" },
    };

    [BrowserTheory]
    [MemberData(nameof(Pages))]
    public async Task The_graphic_has_no_axe_violations_and_fits_desktop_and_phone(string name, string path)
    {
        await using var browser = await TestBrowser.LaunchAsync();
        var page = await browser.NewPageAsync();
        await page.GotoAsync(portal.BaseAddress + path);
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.Equal(5, await page.Locator("svg.graphic-chart[role='img']").CountAsync());
        await PageChecks.AssertAccessibleAsync(page, "public-" + name);
    }
}
