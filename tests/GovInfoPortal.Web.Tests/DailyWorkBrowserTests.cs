using GovInfoPortal.Testing;
using GovInfoPortal.Web.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace GovInfoPortal.Web.Tests;

/// <summary>
/// What a clerk and a reviewer trip over in their daily work, in headless Chromium: input that leaves the
/// editor unsaved, a new report's empty cells and its totals, where a reviewer lands and decides, and the
/// editor and lists at a phone's width.
/// </summary>
public sealed class DailyWorkBrowserTests(DatabaseFixture databases) : IClassFixture<DatabaseFixture>
{
    private const string Xiyuan = "350582003";

    private static string Cell(string row, string column) => $"cell-applications-{row.Replace('.', '-')}-{column}";

    /// <summary>Whether leaving the page now (closing the tab, reloading) makes the browser ask first.</summary>
    private static Task<bool> LeavingAsksAsync(IPage page) =>
        page.EvaluateAsync<bool>("() => { const e = new Event('beforeunload', { cancelable: true }); window.dispatchEvent(e); return e.defaultPrevented; }");

    internal static Task CheckedAsync(IPage page) =>
        page.WaitForFunctionAsync("() => !document.getElementById('findings').hasAttribute('aria-busy')");

    internal static async Task<IPage> SignInAsync(TestBrowser browser, string site, string userName, int width = 1280, int height = 900)
    {
        var page = await browser.NewPageAsync();
        await page.SetViewportSizeAsync(width, height);
        await SignIns.SignInAsync(page, site, userName, DemoAccounts.Password);
        return page;
    }

    /// <summary>The demo clerk starts the 2025 report and is in its editor.</summary>
    internal static async Task<IPage> StartReportAsync(TestBrowser browser, string site, int width = 1280, int height = 900)
    {
        var page = await SignInAsync(browser, site, "demo-clerk", width, height);
        await page.GotoAsync(site + "/clerk/reports/start");
        await page.GetByRole(AriaRole.Button, new() { Name = "开始填报" }).ClickAsync();
        await page.WaitForURLAsync("**/edit");
        return page;
    }

    [BrowserFact]
    public async Task Input_typed_but_not_saved_is_saved_before_the_preview_and_closing_the_tab_asks_first()
    {
        var database = await databases.CreateAsync(TestProvider.Sqlite, migrate: false);
        var (portal, site) = ClerkPortal.StartDemoForBrowser(database);
        await using var _ = portal;
        await using var browser = await TestBrowser.LaunchAsync();
        var page = await StartReportAsync(browser, site);

        Assert.False(await LeavingAsksAsync(page));
        await page.Locator("#section-overview").FillAsync("（一）主动公开\n本年度新设公开专栏三个。");
        await page.Locator("#" + Cell("newlyReceived", "naturalPerson")).FillAsync("7");
        Assert.True(await LeavingAsksAsync(page));

        // Straight to the preview, no 保存草稿: what it shows (and would submit) is what was typed.
        await page.GetByRole(AriaRole.Link, new() { Name = "预览并提交" }).ClickAsync();
        await page.WaitForURLAsync("**/preview");
        Assert.Contains("本年度新设公开专栏三个。", await page.Locator(".report-body").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("7", await page.Locator(".official-table-applications td[data-cell='newlyReceived.naturalPerson']").InnerTextAsync());
        await using var db = database.CreateContext();
        var stored = await db.Reports.SingleAsync(r => r.Year == 2025 && r.Organization.Code == Xiyuan);
        Assert.Equal(7m, stored.Applications["newlyReceived", "naturalPerson"]);
    }

    [BrowserFact]
    public async Task A_new_report_counts_its_empty_cells_computes_totals_fills_zeros_and_keeps_a_stated_total_with_its_finding()
    {
        var database = await databases.CreateAsync(TestProvider.Sqlite, migrate: false);
        var (portal, site) = ClerkPortal.StartDemoForBrowser(database);
        await using var _ = portal;
        await using var browser = await TestBrowser.LaunchAsync();
        var page = await StartReportAsync(browser, site);
        page.Dialog += async (_, dialog) => await dialog.AcceptAsync();

        // Nothing typed yet: no red cell, the empty cells counted.
        Assert.Equal(0, await page.Locator("input.cell-input.has-error, input.cell-input[aria-invalid='true']").CountAsync());
        Assert.Matches(@"^未填 \d+ 格", await page.Locator("#to-fill-count").InnerTextAsync());
        Assert.DoesNotContain("错误", await page.Locator("#findings-count").InnerTextAsync(), StringComparison.Ordinal);

        // The six applicant columns fill the row's total, and the outcomes fill （七）总计.
        var applicants = new[] { "naturalPerson", "commercial", "research", "nonProfit", "legalService", "otherOrg" };
        for (var i = 0; i < applicants.Length; i++)
        {
            await page.Locator("#" + Cell("granted", applicants[i])).FillAsync((i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        Assert.Equal("21", await page.Locator("#" + Cell("granted", "total")).InputValueAsync());
        Assert.Equal("1", await page.Locator("#" + Cell("handledTotal", "naturalPerson")).InputValueAsync());
        Assert.Equal("21", await page.Locator("#" + Cell("handledTotal", "total")).InputValueAsync());

        // A total stated apart from its parts is kept, marked, and the rule reports it as before.
        var total = page.Locator("#" + Cell("granted", "total"));
        await total.FillAsync("25");
        await page.Locator("#" + Cell("granted", "naturalPerson")).FillAsync("2");
        Assert.Equal("25", await total.InputValueAsync());
        Assert.Contains("total-manual", await total.GetAttributeAsync("class") ?? "", StringComparison.Ordinal);
        Assert.True(await page.Locator("#" + Cell("granted", "total") + " + button.total-reset").IsVisibleAsync());
        await CheckedAsync(page);
        Assert.Equal("true", await total.GetAttributeAsync("aria-invalid"));
        Assert.Equal(1, await page.Locator("#findings-list li.finding-error[data-key='applications.rowTotal|applications|granted|total']").CountAsync());

        // 检查 lists the empty cells as errors, as a submission would.
        await page.GetByRole(AriaRole.Button, new() { Name = "检查", Exact = true }).ClickAsync();
        await CheckedAsync(page);
        Assert.True(await page.Locator("input.cell-input.has-error").CountAsync() > 100);
        Assert.True(await page.Locator("#to-fill-count").IsHiddenAsync());

        // 其余空格填 0 (after a confirm) leaves no cell empty and the stated total as it was.
        await page.GetByRole(AriaRole.Button, new() { Name = "其余空格填 0" }).ClickAsync();
        Assert.Equal(0, await page.EvaluateAsync<int>("() => Array.from(document.querySelectorAll('input.cell-input')).filter(i => i.value === '').length"));
        Assert.Equal("25", await total.InputValueAsync());
        Assert.Equal("22", await page.Locator("#" + Cell("handledTotal", "total")).InputValueAsync());
        await CheckedAsync(page);
        Assert.Equal(0, await page.Locator("#findings-list li[data-key^='values.missing|']").CountAsync());

        // Saved and reloaded, the stated total is still the clerk's own.
        await page.GetByRole(AriaRole.Button, new() { Name = "保存草稿" }).ClickAsync();
        await page.WaitForFunctionAsync("() => document.getElementById('save-state').textContent.includes('草稿已保存')");
        await page.ReloadAsync();
        Assert.Equal("25", await total.InputValueAsync());
        Assert.Contains("total-manual", await total.GetAttributeAsync("class") ?? "", StringComparison.Ordinal);
        Assert.Equal(1, await page.Locator("#findings-list li.finding-error[data-key='applications.rowTotal|applications|granted|total']").CountAsync());
    }

    [BrowserFact]
    public async Task The_reviewer_lands_on_the_review_dashboard_and_the_decision_comes_after_the_report()
    {
        var database = await databases.CreateAsync(TestProvider.Sqlite, migrate: false);
        var (portal, site) = ClerkPortal.StartDemoForBrowser(database);
        await using var _ = portal;
        await using var browser = await TestBrowser.LaunchAsync();
        int id;
        await using (var db = database.CreateContext())
        {
            var xiyuan = await db.Organizations.SingleAsync(o => o.Code == Xiyuan);
            id = await portal.CreateReportAsync(xiyuan.Id, 2025, (report, now) =>
            {
                report.SignOff("张三", now);
                report.SubmitWithoutChecks(now);
            });
        }

        var page = await SignInAsync(browser, site, "demo-reviewer");
        Assert.EndsWith("/review", new Uri(page.Url).AbsolutePath, StringComparison.Ordinal);
        Assert.Equal("审核工作台", (await page.Locator("h1").InnerTextAsync()).Trim());

        await page.GotoAsync($"{site}/review/reports/{id}");
        var approve = await page.GetByRole(AriaRole.Button, new() { Name = "审核通过" }).BoundingBoxAsync();
        foreach (var section in new[] { "#review-findings", "#review-comments", "#review-report" })
        {
            var box = await page.Locator(section).BoundingBoxAsync();
            Assert.True(approve!.Y > box!.Y + box.Height - 1, $"审核通过 stands above {section}");
        }

        var heading = await page.Locator("h1").BoundingBoxAsync();
        var facts = await page.Locator(".review-facts > div").First.BoundingBoxAsync();
        Assert.True(Math.Abs(heading!.X - facts!.X) < 1, $"facts start at {facts.X}, the heading at {heading.X}");
        await PageChecks.AssertAccessibleAsync(page, "review-decision-last");
    }

    [BrowserFact]
    public async Task At_phone_width_the_applications_grid_keeps_its_labels_in_sight_enter_keeps_the_cell_above_the_bar_and_lists_are_cards()
    {
        var database = await databases.CreateAsync(TestProvider.Sqlite, migrate: false);
        var (portal, site) = ClerkPortal.StartDemoForBrowser(database);
        await using var _ = portal;
        await using var browser = await TestBrowser.LaunchAsync();
        var page = await StartReportAsync(browser, site, 390, 844);

        // Several figure columns beside the labels, which stay at the left while the figures scroll.
        var row = page.Locator("#" + Cell("newlyReceived", "naturalPerson") + " >> xpath=ancestor::tr");
        await row.ScrollIntoViewIfNeededAsync();
        const string Visible = """
            row => {
                const scroller = row.closest('.official-table-scroll').getBoundingClientRect();
                const label = row.querySelector('th').getBoundingClientRect();
                return Array.from(row.querySelectorAll('input.cell-input')).filter(i => {
                    const box = i.getBoundingClientRect();
                    return box.left >= label.right - 1 && box.right <= scroller.right + 1;
                }).length;
            }
            """;
        Assert.True(await row.EvaluateAsync<int>(Visible) >= 3, "fewer than three figure columns show at 390 px");
        await row.EvaluateAsync("row => { row.closest('.official-table-scroll').scrollLeft = 1000; }");
        var stuck = await row.EvaluateAsync<double>("row => row.querySelector('th').getBoundingClientRect().left - row.closest('.official-table-scroll').getBoundingClientRect().left");
        Assert.True(Math.Abs(stuck) < 2, $"the row label moved {stuck} px away from the left edge");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = TestBrowser.ArtifactPath("daily-editor-phone.png") });

        // Enter moves down and the focused cell stays above the sticky save bar.
        await page.Locator("#" + Cell("newlyReceived", "naturalPerson")).FocusAsync();
        for (var i = 0; i < 12; i++)
        {
            await page.Keyboard.PressAsync("Enter");
            var gap = await page.EvaluateAsync<double>("() => document.querySelector('.editor-actions').getBoundingClientRect().top - document.activeElement.getBoundingClientRect().bottom");
            Assert.True(gap >= 0, $"after Enter {i + 1} the cell {await page.EvaluateAsync<string>("() => document.activeElement.id")} is {-gap} px under the save bar");
            var left = await page.EvaluateAsync<double>("""
                () => {
                    const input = document.activeElement;
                    const label = input.closest('tr').querySelector('th:last-of-type');
                    return input.getBoundingClientRect().left - (label ? label.getBoundingClientRect().right : 0);
                }
                """);
            Assert.True(left >= -1, $"after Enter {i + 1} the cell is {-left} px under the row labels");
        }

        // 我的报告 as cards: each field takes the card's width instead of a column one character wide.
        await page.GetByRole(AriaRole.Button, new() { Name = "保存草稿" }).ClickAsync();
        await page.WaitForFunctionAsync("() => document.getElementById('save-state').textContent.includes('草稿已保存')");
        await page.GotoAsync(site + "/clerk/reports");
        var list = await page.Locator("table.report-list").BoundingBoxAsync();
        var status = await page.Locator("table.report-list td[data-label='状态']").First.BoundingBoxAsync();
        Assert.True(status!.Width > list!.Width * 0.9, $"the status is {status.Width} px wide in a list {list.Width} px wide");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = TestBrowser.ArtifactPath("daily-my-reports-phone.png"), FullPage = true });
    }
}
