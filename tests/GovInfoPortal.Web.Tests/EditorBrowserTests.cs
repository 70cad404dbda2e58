using GovInfoPortal.Core.Domain;
using GovInfoPortal.Core.Formats;
using GovInfoPortal.Testing;
using GovInfoPortal.Web.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace GovInfoPortal.Web.Tests;

/// <summary>The clerk's way through the portal in headless Chromium, as a new user would take it.</summary>
public sealed class EditorBrowserTests(DatabaseFixture databases) : IClassFixture<DatabaseFixture>
{
    private const string Overview = "（一）主动公开\n本年度主动公开政府信息，按要求更新公开目录。\n（二）依申请公开\n本年度受理政府信息公开申请3件。" +
        "\n（三）政府信息管理、平台建设、监督保障\n做好信息发布审核，维护政府网站，开展业务培训。";

    private const string Problems = "（测试）部分栏目更新不及时，政策解读形式单一，兼职人员业务不熟；针对上年度问题已完成整改。";

    private static string Cell(string table, string row, string column) => $"cell-{table}-{row.Replace('.', '-')}-{column}";

    private static Task<string?> InvalidAsync(IPage page, string id) => page.Locator("#" + id).GetAttributeAsync("aria-invalid");

    /// <summary>Waits until the check of what was typed last has answered (the findings panel is no longer busy).</summary>
    private static Task CheckedAsync(IPage page) =>
        page.WaitForFunctionAsync("() => !document.getElementById('findings').hasAttribute('aria-busy')");

    private static Task SignInAsync(IPage page, string site, string userName) => SignIns.SignInAsync(page, site, userName, DemoAccounts.Password);

    [BrowserFact]
    public async Task Clerk_and_admin_pages_have_no_axe_violations_and_fit_a_phone()
    {
        var database = await databases.CreateAsync(TestProvider.Sqlite, migrate: false);
        var (portal, site) = ClerkPortal.StartDemoForBrowser(database);
        await using var _ = portal;
        await using var browser = await TestBrowser.LaunchAsync();
        await using (var db = database.CreateContext())
        {
            // Last year's report, so that the editor shows it for reference and checks against it.
            var xiyuan = await db.Organizations.SingleAsync(o => o.Code == "350582003");
            await portal.CreateReportAsync(xiyuan.Id, 2024, (report, now) =>
                report.UpdateTable(TableCodes.Applications, ReportTable.Empty.With("carriedForward", "naturalPerson", 2), now));
        }

        var page = await browser.NewPageAsync();
        await page.GotoAsync(site + "/account/login");
        await PageChecks.AssertAccessibleAsync(page, "login");
        await SignInAsync(page, site, "demo-clerk");
        await page.GotoAsync(site + "/clerk/reports/start");
        await PageChecks.AssertAccessibleAsync(page, "start");
        await page.GetByRole(AriaRole.Button, new() { Name = "开始填报" }).ClickAsync();
        await page.WaitForURLAsync("**/edit");
        var editor = page.Url;
        // With findings on the cells, a warning to explain (last year carried 2 forward) and last year's tables.
        await page.Locator("#cell-applications-carriedOver-naturalPerson").FillAsync("4");
        await page.WaitForFunctionAsync("() => document.querySelector('textarea.explanation') !== null");
        await page.WaitForFunctionAsync("() => !document.getElementById('findings').hasAttribute('aria-busy')");
        await page.Locator("details.last-year summary").First.ClickAsync();
        await PageChecks.AssertAccessibleAsync(page, "editor");
        await page.GotoAsync(site + "/clerk/reports");
        await PageChecks.AssertAccessibleAsync(page, "my-reports");
        await page.GotoAsync(editor.Replace("/edit", "/preview", StringComparison.Ordinal));
        await PageChecks.AssertAccessibleAsync(page, "preview");
        await page.GotoAsync(editor.Replace("/edit", "/import", StringComparison.Ordinal));
        await PageChecks.AssertAccessibleAsync(page, "import");
        await page.GotoAsync(site + "/account/password");
        await PageChecks.AssertAccessibleAsync(page, "password");

        var admin = await browser.NewPageAsync();
        await SignInAsync(admin, site, "demo-admin");
        foreach (var (name, path) in new[] { ("admin-organizations", "/admin/organizations"), ("admin-users", "/admin/users"), ("admin-user-new", "/admin/users/new") })
        {
            await admin.GotoAsync(site + path);
            await PageChecks.AssertAccessibleAsync(admin, name);
        }

        await admin.GotoAsync(site + "/admin/users");
        await admin.Locator("tr", new() { HasText = "demo-clerk" }).GetByRole(AriaRole.Link, new() { Name = "修改" }).ClickAsync();
        await PageChecks.AssertAccessibleAsync(admin, "admin-user-edit");
        await admin.GotoAsync(site + "/admin/organizations");
        await admin.Locator("tr", new() { HasText = "晋江市西园街道办事处" }).GetByRole(AriaRole.Link, new() { Name = "修改" }).ClickAsync();
        await PageChecks.AssertAccessibleAsync(admin, "admin-organization-edit");
    }

    [BrowserFact]
    public async Task The_demo_clerk_fills_in_the_report_by_keyboard_fixes_a_balance_error_saves_reloads_previews_and_submits()
    {
        var database = await databases.CreateAsync(TestProvider.Sqlite, migrate: false);
        var (portal, site) = ClerkPortal.StartDemoForBrowser(database);
        await using var _ = portal;
        await using var browser = await TestBrowser.LaunchAsync();
        var page = await browser.NewPageAsync();
        await page.SetViewportSizeAsync(1280, 900);

        // Sign in and start the year's report.
        await SignInAsync(page, site, "demo-clerk");
        await page.WaitForURLAsync("**/clerk/reports");
        await page.GetByRole(AriaRole.Link, new() { Name = "开始填报 2025 年度报告" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "开始填报" }).ClickAsync();
        await page.WaitForURLAsync("**/edit");
        Assert.Equal("填写 2025 年度报告 - 政府信息公开工作年度报告平台", await page.TitleAsync());

        // The narrative parts.
        await page.Locator("#section-overview").FillAsync(Overview);
        await page.Locator("#section-problems").FillAsync(Problems);
        await page.Locator("#section-otherMatters").FillAsync("（测试）本年度未收取信息处理费。");
        await page.Locator("#signed-by").FillAsync("张三");
        Assert.Contains("topic-covered", await page.Locator("[data-topic='依申请公开']").GetAttributeAsync("class") ?? "", StringComparison.Ordinal);

        // Every figure by keyboard: type, Tab to the next cell. 表三's 自然人 column is out of balance at first.
        var ids = await page.EvalOnSelectorAllAsync<string[]>("input.cell-input", "inputs => inputs.map(i => i.id)");
        var values = ids.ToDictionary(id => id, _ => "0");
        values[Cell("activeDisclosure", "fees", "amount")] = "1.5";
        foreach (var (row, figure) in new[] { ("newlyReceived", "3"), ("granted", "2"), ("handledTotal", "2") })
        {
            values[Cell("applications", row, "naturalPerson")] = figure;
            values[Cell("applications", row, "total")] = figure;
        }

        values[Cell("reviewLitigation", "review", "upheld")] = "1";
        values[Cell("reviewLitigation", "review", "total")] = "1x";
        await page.Locator("#" + ids[0]).FocusAsync();
        foreach (var id in ids)
        {
            await page.Keyboard.TypeAsync(values[id]);
            await page.Keyboard.PressAsync("Tab");
        }

        Assert.Equal("1", await page.Locator("#" + Cell("reviewLitigation", "review", "total")).InputValueAsync());

        // The balance error appears on the four cells of the column while typing, and in the list.
        var column = new[] { "newlyReceived", "carriedOver", "handledTotal", "carriedForward" }.Select(row => Cell("applications", row, "naturalPerson")).ToArray();
        await CheckedAsync(page);
        foreach (var id in column)
        {
            Assert.Equal("true", await InvalidAsync(page, id));
            Assert.Contains("has-error", await page.Locator("#" + id).GetAttributeAsync("class") ?? "", StringComparison.Ordinal);
        }

        var balance = page.Locator("#findings-list a", new() { HasText = "表三·自然人：本年新收与上年结转之和为 3，办理结果总计与结转下年度之和为 2，两者应相等" });
        Assert.Equal(1, await balance.CountAsync());
        Assert.Equal("按分项合计 2", await page.Locator($"#sum-{Cell("applications", "handledTotal", "naturalPerson")}-0").InnerTextAsync());
        Assert.Contains("sum-match", await page.Locator($"#sum-{Cell("applications", "handledTotal", "naturalPerson")}-0").GetAttributeAsync("class") ?? "", StringComparison.Ordinal);

        await page.ScreenshotAsync(new PageScreenshotOptions { Path = TestBrowser.ArtifactPath("editor-desktop.png"), FullPage = true });
        await page.SetViewportSizeAsync(390, 844);
        await page.Locator("#" + column[0]).ScrollIntoViewIfNeededAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = TestBrowser.ArtifactPath("editor-phone.png"), FullPage = true });
        await page.SetViewportSizeAsync(1280, 900);
        Assert.True(await InvalidAsync(page, Cell("applications", "granted", "naturalPerson")) is null, await page.Locator("#findings-list").InnerTextAsync());

        // A finding's link takes the keyboard to its cell; arrows and Enter move between cells.
        await balance.ClickAsync();
        Assert.Equal(column[0], await page.EvaluateAsync<string>("() => document.activeElement.id"));
        await page.Keyboard.PressAsync("ArrowDown");
        Assert.Equal(column[1], await page.EvaluateAsync<string>("() => document.activeElement.id"));
        await page.Keyboard.PressAsync("Enter");
        Assert.Equal(Cell("applications", "granted", "naturalPerson"), await page.EvaluateAsync<string>("() => document.activeElement.id"));
        await page.Keyboard.PressAsync("ArrowRight");
        Assert.Equal(Cell("applications", "granted", "commercial"), await page.EvaluateAsync<string>("() => document.activeElement.id"));

        // Fixed: one application carried forward.
        await page.Locator("#" + Cell("applications", "carriedForward", "naturalPerson")).FocusAsync();
        await page.Keyboard.TypeAsync("1");
        await page.Keyboard.PressAsync("Tab");
        await page.Locator("#" + Cell("applications", "carriedForward", "total")).FocusAsync();
        await page.Keyboard.TypeAsync("1");
        await CheckedAsync(page);
        Assert.Null(await InvalidAsync(page, column[3]));
        Assert.Equal("未发现问题。", (await page.Locator("#findings-summary").InnerTextAsync()).Trim());

        // Saved, reloaded: everything is kept.
        await page.GetByRole(AriaRole.Button, new() { Name = "保存草稿" }).ClickAsync();
        await page.WaitForFunctionAsync("() => document.getElementById('save-state').textContent.includes('草稿已保存')");
        await page.ReloadAsync();
        Assert.Equal("1", await page.Locator("#" + Cell("applications", "carriedForward", "naturalPerson")).InputValueAsync());
        Assert.Equal("3", await page.Locator("#" + column[0]).InputValueAsync());
        Assert.Equal("1.5", await page.Locator("#" + Cell("activeDisclosure", "fees", "amount")).InputValueAsync());
        Assert.Equal(Overview, await page.Locator("#section-overview").InputValueAsync());
        Assert.Equal("张三", await page.Locator("#signed-by").InputValueAsync());
        Assert.True(await page.Locator("#editor-notice").IsHiddenAsync());

        // Typed but not saved: a reload brings it back from this browser.
        await page.Locator("#section-problems").FillAsync(Problems + "已逐项整改。");
        await page.ReloadAsync();
        Assert.Equal(Problems + "已逐项整改。", await page.Locator("#section-problems").InputValueAsync());
        Assert.Contains("已恢复", await page.Locator("#editor-notice").InnerTextAsync(), StringComparison.Ordinal);
        await page.GetByRole(AriaRole.Button, new() { Name = "保存草稿" }).ClickAsync();
        await page.WaitForFunctionAsync("() => document.getElementById('save-state').textContent.includes('草稿已保存')");

        // Preview as the public will see it, then submit.
        await page.GetByRole(AriaRole.Link, new() { Name = "预览并提交" }).ClickAsync();
        await page.WaitForURLAsync("**/preview");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = TestBrowser.ArtifactPath("preview-desktop.png"), FullPage = true });
        Assert.Equal("西园街道2025年政府信息公开工作年度报告", await page.Locator("h1").InnerTextAsync());
        Assert.Contains("晋江市西园街道办事处", await page.Locator(".report-facts").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("3", await page.Locator(".official-table-applications td[data-cell='newlyReceived.naturalPerson']").InnerTextAsync());
        Assert.Contains("本年度受理政府信息公开申请3件。", await page.Locator(".report-body").InnerTextAsync(), StringComparison.Ordinal);
        await page.GetByRole(AriaRole.Button, new() { Name = "提交审核" }).ClickAsync();
        await page.WaitForURLAsync("**/clerk/reports");
        Assert.Contains("报告已提交审核", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains(ReportStatus.Submitted.DisplayName(), await page.Locator("table.report-list tbody tr").First.InnerTextAsync(), StringComparison.Ordinal);
    }

    [BrowserFact]
    public async Task A_figure_typed_into_the_overview_that_contradicts_the_table_is_found_while_typing()
    {
        var database = await databases.CreateAsync(TestProvider.Sqlite, migrate: false);
        var (portal, site) = ClerkPortal.StartDemoForBrowser(database);
        await using var _ = portal;
        await using var browser = await TestBrowser.LaunchAsync();
        var page = await browser.NewPageAsync();
        await SignInAsync(page, site, "demo-clerk");
        await page.GotoAsync(site + "/clerk/reports/start");
        await page.GetByRole(AriaRole.Button, new() { Name = "开始填报" }).ClickAsync();
        await page.WaitForURLAsync("**/edit");

        // 表三: three applications received.
        await page.Locator("#" + Cell("applications", "newlyReceived", "naturalPerson")).FillAsync("3");
        await page.Locator("#" + Cell("applications", "newlyReceived", "total")).FillAsync("3");
        await page.Locator("#section-overview").FillAsync(Overview);
        await CheckedAsync(page);
        var mismatch = page.Locator("#findings-list li.finding-warning", new() { HasText = "与表中不一致" });
        Assert.Equal(0, await mismatch.CountAsync());

        // The clerk types a sentence that says five: the warning appears without saving, naming the cell and both figures.
        await page.Locator("#section-overview").PressSequentiallyAsync("全年共收到政府信息公开申请5件。");
        await CheckedAsync(page);
        Assert.Equal(1, await mismatch.CountAsync());
        var message = await mismatch.InnerTextAsync();
        Assert.Contains("表三一、本年新收政府信息公开申请数量·总计：填报 3", message, StringComparison.Ordinal);
        Assert.Contains("即本年新收申请 5 件", message, StringComparison.Ordinal);
        Assert.Equal("true", await InvalidAsync(page, Cell("applications", "newlyReceived", "total")));

        // Corrected to three: the warning goes away.
        await page.Locator("#section-overview").FillAsync(Overview + "全年共收到政府信息公开申请3件。");
        await CheckedAsync(page);
        Assert.Equal(0, await mismatch.CountAsync());
        Assert.DoesNotContain("草稿已保存", await page.Locator("#save-state").InnerTextAsync(), StringComparison.Ordinal);
    }
}
