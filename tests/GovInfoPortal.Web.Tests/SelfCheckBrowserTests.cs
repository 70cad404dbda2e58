using GovInfoPortal.Testing;
using Microsoft.Playwright;

namespace GovInfoPortal.Web.Tests;

/// <summary>The self-check score in the editor follows what the clerk types, in headless Chromium, and the preview shows it before submission.</summary>
public sealed class SelfCheckBrowserTests(DatabaseFixture databases) : IClassFixture<DatabaseFixture>
{
    private const string Problems = "存在的问题具体，说明上年问题整改情况";

    [BrowserFact]
    public async Task The_score_and_the_points_lost_follow_what_the_clerk_types()
    {
        var database = await databases.CreateAsync(TestProvider.Sqlite, migrate: false);
        var (portal, site) = ClerkPortal.StartDemoForBrowser(database);
        await using var _ = portal;
        await using var browser = await TestBrowser.LaunchAsync();
        var page = await DailyWorkBrowserTests.StartReportAsync(browser, site);
        page.Dialog += async (_, dialog) => await dialog.AcceptAsync();

        var score = page.Locator("#self-check-score");
        var lost = page.Locator("#self-check-shortfalls");
        Assert.Matches(@"^自查得分 \d+ 分（满分 100 分）$", await score.InnerTextAsync());
        Assert.Contains("六部分内容完整，表格填写齐全：扣 15 分", await lost.InnerTextAsync(), StringComparison.Ordinal);

        await page.GetByRole(AriaRole.Button, new() { Name = "其余空格填 0" }).ClickAsync();
        await page.Locator("#section-problems").FillAsync("无。");
        await DailyWorkBrowserTests.CheckedAsync(page);
        await page.WaitForFunctionAsync($"() => document.getElementById('self-check-shortfalls').textContent.includes('{Problems}：扣')");
        var generic = await score.InnerTextAsync();
        Assert.Contains("五、存在的主要问题及改进情况：内容空泛", await lost.InnerTextAsync(), StringComparison.Ordinal); // the finding behind the points
        Assert.Equal(generic.Replace("自查得分", "自查", StringComparison.Ordinal).Split('（')[0], await page.Locator("#self-check-count").InnerTextAsync());

        await page.Locator("#section-problems").FillAsync("部分社区公开栏更新不及时，依申请公开答复文书格式不统一，工作人员对新条例的理解不深；下一年度将按季度检查公开栏，统一答复文书范本，并组织两次专题培训。");
        await DailyWorkBrowserTests.CheckedAsync(page);
        await page.WaitForFunctionAsync($"() => !document.getElementById('self-check-shortfalls').textContent.includes('{Problems}')");
        Assert.True(Points(await score.InnerTextAsync()) > Points(generic));

        // Saved and previewed: the preview shows the same score before 提交审核.
        var saved = await score.InnerTextAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "预览并提交" }).ClickAsync();
        await page.WaitForURLAsync("**/preview");
        Assert.Equal(saved, await page.Locator("#self-check-score").InnerTextAsync());
    }

    private static int Points(string text) =>
        int.Parse(text.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
}
