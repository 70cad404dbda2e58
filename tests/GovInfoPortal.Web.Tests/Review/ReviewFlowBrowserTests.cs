using GovInfoPortal.Core.Domain;
using GovInfoPortal.Core.Formats;
using GovInfoPortal.Testing;
using GovInfoPortal.Web.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace GovInfoPortal.Web.Tests.Review;

/// <summary>
/// The review as the demo clerk and the demo reviewer take it in headless Chromium: submit, return with a comment,
/// fix and resubmit, see the change, approve, publish; then a correction through the same path, with the public
/// page showing both versions and the reason — and the audit trail listing every step and changed cell.
/// </summary>
public sealed class ReviewFlowBrowserTests(DatabaseFixture databases) : IClassFixture<DatabaseFixture>
{
    private const string ReturnComment = "五、存在的主要问题请写具体，并说明改进措施。";
    private const string FirstProblems = "（测试）栏目更新不及时，政策解读形式单一，兼职人员业务不熟悉，依申请答复格式不统一。";
    private const string FixedProblems = "（测试）公开内容不够具体，栏目分类混乱，政策解读滞后。改进措施：逐项细化主动公开目录，按月核对栏目。";
    private const string CorrectionReason = "表二行政事业性收费金额填报有误，予以更正。";
    private const string FeesCell = "cell-activeDisclosure-fees-amount";

    private static async Task<IPage> SignInAsync(TestBrowser browser, string site, string userName)
    {
        var page = await browser.NewPageAsync();
        await page.SetViewportSizeAsync(1280, 900);
        page.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        await SignIns.SignInAsync(page, site, userName, DemoAccounts.Password);
        return page;
    }

    private static async Task SaveAsync(IPage page)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "保存草稿" }).ClickAsync();
        await page.WaitForFunctionAsync("() => document.getElementById('save-state').textContent.includes('草稿已保存')");
    }

    private static async Task SubmitAsync(IPage page)
    {
        await page.GetByRole(AriaRole.Link, new() { Name = "预览并提交" }).ClickAsync();
        await page.WaitForURLAsync("**/preview");
        await page.GetByRole(AriaRole.Button, new() { Name = "提交审核" }).ClickAsync();
        await page.WaitForURLAsync("**/clerk/reports");
    }

    private static async Task ShootAsync(IPage page, string name)
    {
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = TestBrowser.ArtifactPath($"{name}-desktop.png"), FullPage = true });
        await page.SetViewportSizeAsync(390, 844);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = TestBrowser.ArtifactPath($"{name}-phone.png"), FullPage = true });
        await page.SetViewportSizeAsync(1280, 900);
    }

    private static Task<string> StatusMessageAsync(IPage page) => page.Locator(".status-message").InnerTextAsync();

    [BrowserFact]
    public async Task A_report_is_returned_fixed_approved_published_and_corrected_with_every_step_in_the_audit_trail()
    {
        var database = await databases.CreateAsync(TestProvider.Sqlite, migrate: false);
        var (portal, site) = ClerkPortal.StartDemoForBrowser(database);
        await using var _ = portal;
        await using var browser = await TestBrowser.LaunchAsync();

        // The clerk fills in the 2025 report (all figures 0, the narrative, 签发人) and submits it.
        var clerk = await SignInAsync(browser, site, "demo-clerk");
        await clerk.GetByRole(AriaRole.Link, new() { Name = "开始填报 2025 年度报告" }).ClickAsync();
        await clerk.GetByRole(AriaRole.Button, new() { Name = "开始填报" }).ClickAsync();
        await clerk.WaitForURLAsync("**/edit");
        var editUrl = clerk.Url;
        await clerk.Locator("#section-overview").FillAsync("（一）主动公开\n本年度主动公开政府信息。\n（二）依申请公开\n本年度未收到申请。" +
            "\n（三）政府信息管理、平台建设、监督保障\n（测试）做好信息发布审核，维护政府网站，开展业务培训。");
        await clerk.Locator("#section-problems").FillAsync(FirstProblems);
        await clerk.Locator("#section-otherMatters").FillAsync("（测试）本年度未收取信息处理费。");
        await clerk.Locator("#signed-by").FillAsync("张三");
        foreach (var input in await clerk.Locator("input.cell-input").AllAsync())
        {
            await input.FillAsync("0");
        }

        await SaveAsync(clerk);
        await SubmitAsync(clerk);
        var reportId = int.Parse(editUrl.Split('/')[^2], System.Globalization.CultureInfo.InvariantCulture);
        var reviewUrl = $"{site}/review/reports/{reportId}";

        // The reviewer hears of it, finds it on the dashboard and returns it with a comment on part 五.
        var reviewer = await SignInAsync(browser, site, "demo-reviewer");
        Assert.Contains("1 条未读", await reviewer.Locator(".notification-link").InnerTextAsync(), StringComparison.Ordinal);
        await reviewer.GotoAsync(site + "/review?year=2025");
        var row = reviewer.Locator("table.review-table tbody tr", new() { HasText = "晋江市西园街道办事处" });
        Assert.Contains("已提交", await row.InnerTextAsync(), StringComparison.Ordinal);
        await ShootAsync(reviewer, "review-dashboard");
        await row.GetByRole(AriaRole.Link).ClickAsync();
        await reviewer.WaitForURLAsync($"**/review/reports/{reportId}");
        await ShootAsync(reviewer, "review-submitted");
        await reviewer.GetByLabel("意见针对").First.SelectOptionAsync(ReportParts.Problems);
        await reviewer.GetByLabel("退回意见（必填）").FillAsync(ReturnComment);
        await reviewer.GetByRole(AriaRole.Button, new() { Name = "退回", Exact = true }).ClickAsync();
        await reviewer.WaitForURLAsync($"**/review/reports/{reportId}");
        Assert.Contains("已退回报告", await StatusMessageAsync(reviewer), StringComparison.Ordinal);

        // The clerk sees the return (notification, and the comment beside part 五 in the editor), fixes it and resubmits.
        await clerk.GotoAsync(site + "/notifications");
        Assert.Contains(ReturnComment, await clerk.Locator(".notification-list").InnerTextAsync(), StringComparison.Ordinal);
        await ShootAsync(clerk, "notifications-clerk");
        await clerk.Locator(".notification-list a").First.ClickAsync();
        await clerk.WaitForURLAsync("**/edit");
        Assert.Contains(ReturnComment, await clerk.Locator("#part-5 .review-comments").InnerTextAsync(), StringComparison.Ordinal);
        await clerk.Locator("#section-problems").FillAsync(FixedProblems);
        await SaveAsync(clerk);
        await SubmitAsync(clerk);

        // The reviewer sees what changed since the last submission, approves and publishes.
        await reviewer.GotoAsync(reviewUrl);
        var since = await reviewer.Locator("#review-changes").InnerTextAsync();
        Assert.Contains("第 2 次提交与第 1 次提交", since, StringComparison.Ordinal);
        Assert.Contains(FixedProblems, since, StringComparison.Ordinal);
        await reviewer.GetByRole(AriaRole.Button, new() { Name = "审核通过" }).ClickAsync();
        await reviewer.WaitForURLAsync($"**/review/reports/{reportId}");
        await reviewer.GetByRole(AriaRole.Button, new() { Name = "发布", Exact = true }).ClickAsync();
        Assert.True(await reviewer.Locator("#secrecy-review").EvaluateAsync<bool>("e => e.validity.valueMissing"),
            "The browser does not publish without the secrecy confirmation.");
        await reviewer.GetByLabel("已按规定完成保密审查").CheckAsync();
        await reviewer.GetByRole(AriaRole.Button, new() { Name = "发布", Exact = true }).ClickAsync();
        await reviewer.WaitForURLAsync($"**/review/reports/{reportId}");
        Assert.Contains("报告已发布", await StatusMessageAsync(reviewer), StringComparison.Ordinal);

        // The report is public.
        var citizen = await browser.NewPageAsync();
        await citizen.GotoAsync(site + "/reports/350582003/2025");
        Assert.Contains(FixedProblems, await citizen.Locator(".report-body").InnerTextAsync(), StringComparison.Ordinal);

        // A correction: the reviewer opens it with a reason; the clerk edits the correction; it goes through review again.
        await reviewer.GetByLabel("更正原因（必填，将在报告页面公开）").FillAsync(CorrectionReason);
        await reviewer.GetByRole(AriaRole.Button, new() { Name = "发起更正" }).ClickAsync();
        await reviewer.WaitForURLAsync($"**/review/reports/{reportId}");
        Assert.Contains("已发起第 1 次更正", await StatusMessageAsync(reviewer), StringComparison.Ordinal);

        await clerk.GotoAsync(editUrl);
        Assert.Contains(CorrectionReason, await clerk.Locator(".correction-banner").InnerTextAsync(), StringComparison.Ordinal);
        await clerk.Locator("#" + FeesCell).FillAsync("1.5");
        await SaveAsync(clerk);
        await SubmitAsync(clerk);

        await citizen.ReloadAsync();
        Assert.Equal("0", await citizen.Locator(".official-table-activeDisclosure td[data-cell='fees.amount']").InnerTextAsync());

        await reviewer.GotoAsync(reviewUrl);
        var corrected = await reviewer.Locator("#review-changes").InnerTextAsync();
        Assert.Contains("第 1 次更正的更正稿与现行第 1 版相比", corrected, StringComparison.Ordinal);
        Assert.Contains("表二", corrected, StringComparison.Ordinal);
        Assert.Contains("1.5", corrected, StringComparison.Ordinal);
        await ShootAsync(reviewer, "review-correction");
        await reviewer.GetByRole(AriaRole.Button, new() { Name = "审核通过" }).ClickAsync();
        await reviewer.WaitForURLAsync($"**/review/reports/{reportId}");
        await reviewer.GetByLabel("已按规定完成保密审查").CheckAsync();
        await reviewer.GetByRole(AriaRole.Button, new() { Name = "发布", Exact = true }).ClickAsync();
        await reviewer.WaitForURLAsync($"**/review/reports/{reportId}");
        Assert.Contains("第 1 次更正已发布", await StatusMessageAsync(reviewer), StringComparison.Ordinal);

        // The public page shows the corrected version, the earlier one and the reason.
        await citizen.ReloadAsync();
        Assert.Equal("1.5", await citizen.Locator(".official-table-activeDisclosure td[data-cell='fees.amount']").InnerTextAsync());
        var record = await citizen.Locator(".version-list").InnerTextAsync();
        Assert.Contains("第 2 版（现行）", record, StringComparison.Ordinal);
        Assert.Contains(CorrectionReason, record, StringComparison.Ordinal);
        await citizen.GetByRole(AriaRole.Link, new() { Name = "第 1 版" }).ClickAsync();
        await citizen.WaitForURLAsync("**/versions/1");
        Assert.Equal("0", await citizen.Locator(".official-table-activeDisclosure td[data-cell='fees.amount']").InnerTextAsync());

        // The audit trail lists every step and changed cell, on the review page and in the database.
        await reviewer.GotoAsync(reviewUrl);
        await ShootAsync(reviewer, "review-published");
        var trail = await reviewer.Locator(".audit-table").InnerTextAsync();
        Assert.Contains(ReturnComment, trail, StringComparison.Ordinal);
        Assert.Contains("发起第 1 次更正：" + CorrectionReason, trail, StringComparison.Ordinal);

        await using var db = database.CreateContext();
        var entries = await db.AuditEntries.Where(a => a.ReportId == reportId).OrderBy(a => a.Id).ToListAsync();
        Assert.Equal(
            [
                (ReportActions.Started, "演示填报员（西园街道）"),
                (ReportActions.ContentChanged, "演示填报员（西园街道）"),
                (ReportActions.Submitted, "演示填报员（西园街道）"),
                (ReportActions.Returned, "演示审核员（晋江市）"),
                (ReportActions.ContentChanged, "演示填报员（西园街道）"),
                (ReportActions.Submitted, "演示填报员（西园街道）"),
                (ReportActions.Approved, "演示审核员（晋江市）"),
                (ReportActions.Published, "演示审核员（晋江市）"),
                (ReportActions.CorrectionOpened, "演示审核员（晋江市）"),
                (ReportActions.ContentChanged, "演示填报员（西园街道）"),
                (ReportActions.Submitted, "演示填报员（西园街道）"),
                (ReportActions.Approved, "演示审核员（晋江市）"),
                (ReportActions.Published, "演示审核员（晋江市）"),
            ],
            entries.Select(e => (e.Action, e.UserName)));
        var firstSave = entries[1].ChangeList();
        Assert.Equal(FormatDefinition.For(ReportFormat.Format2021).Tables.Sum(t => t.Cells.Count), firstSave.Count(c => c.IsCell));
        Assert.Contains(firstSave, c => c is { Part: "signedBy", After: "张三" });
        var fix = Assert.Single(entries[4].ChangeList());
        Assert.Equal((ReportParts.Problems, FirstProblems, FixedProblems), (fix.Part, fix.Before, fix.After));
        var correctionEdit = Assert.Single(entries[9].ChangeList());
        Assert.Equal((TableCodes.ActiveDisclosure, "fees", "amount", "0", "1.5"),
            (correctionEdit.Part, correctionEdit.Row, correctionEdit.Column, correctionEdit.Before, correctionEdit.After));
        Assert.NotNull(entries[9].CorrectionId);
        var publication = entries[^1];
        Assert.Contains(CorrectionReason, publication.Description, StringComparison.Ordinal);
        Assert.Equal(("0", "1.5"), (Assert.Single(publication.ChangeList()).Before, publication.ChangeList()[0].After));
    }

    /// <summary>axe-core finds nothing on the review pages and the clerk's view of comments, and each fits a phone's width.</summary>
    [BrowserFact]
    public async Task Review_pages_have_no_axe_violations_and_fit_a_phone()
    {
        var database = await databases.CreateAsync(TestProvider.Sqlite, migrate: false);
        var (portal, site) = ClerkPortal.StartDemoForBrowser(database);
        await using var _ = portal;
        int reviewed, corrected;
        var reviewer = new Actor(null, "演示审核员（晋江市）");
        await using (var db = database.CreateContext())
        {
            // 2024 published and under correction; 2025 returned once with comments, changed and submitted again.
            var xiyuan = await db.Organizations.SingleAsync(o => o.Code == "350582003");
            var now = portal.Time.GetUtcNow().UtcDateTime;
            var lastYear = AnnualReport.Start(xiyuan, 2024, now);
            lastYear.UpdateDraft(new ReportSections("（测试）总体情况。", "（测试）问题。", "（测试）其他。"), ReportTable.Empty.With("fees", "amount", 2.5m),
                ReportTable.Empty.With("newlyReceived", "naturalPerson", 3m), ReportTable.Empty, "张三", WarningExplanations.None, now);
            lastYear.SubmitWithoutChecks(now);
            lastYear.Approve(now);
            lastYear.Publish(new DateOnly(2025, 1, 20), secrecyReviewConfirmed: true, reviewer, now);
            db.Reports.Add(lastYear);
            var report = AnnualReport.Start(xiyuan, 2025, now);
            report.UpdateDraft(new ReportSections("（测试）总体情况。", "（测试）问题。", "（测试）其他。"), ReportTable.Empty.With("fees", "amount", 1m),
                ReportTable.Empty.With("newlyReceived", "naturalPerson", 1m), ReportTable.Empty, "张三", WarningExplanations.None, now);
            report.SubmitWithoutChecks(now);
            db.Reports.Add(report);
            await db.SaveChangesAsync();
            report.Return(ReportParts.Applications, "表三请核对本年新收申请数量。", reviewer, now);
            report.Comment(ReportParts.General, "请同时检查签发人。", reviewer, now);
            await db.SaveChangesAsync();
            report.UpdateTable(TableCodes.Applications, report.Applications.With("newlyReceived", "naturalPerson", 2m), now);
            report.SubmitWithoutChecks(now);
            lastYear.OpenCorrection("表二收费金额有误。", reviewer, now);
            await db.SaveChangesAsync();
            (reviewed, corrected) = (report.Id, lastYear.Id);
        }

        await using var browser = await TestBrowser.LaunchAsync();
        var page = await browser.NewPageAsync();
        await SignIns.SignInAsync(page, site, "demo-reviewer", DemoAccounts.Password);
        foreach (var (name, path) in new[]
                 {
                     ("review-dashboard-scan", "/review?year=2025"),
                     ("review-report-scan", $"/review/reports/{reviewed}"),
                     ("review-correction-scan", $"/review/reports/{corrected}"),
                     ("notifications-reviewer", "/notifications"),
                 })
        {
            await page.GotoAsync(site + path);
            await PageChecks.AssertAccessibleAsync(page, name);
        }

        var clerk = await browser.NewPageAsync();
        await SignIns.SignInAsync(clerk, site, "demo-clerk", DemoAccounts.Password);
        await clerk.GotoAsync(site + $"/clerk/reports/{corrected}/edit");
        Assert.Contains("表二收费金额有误。", await clerk.Locator(".correction-banner").InnerTextAsync(), StringComparison.Ordinal);
        await PageChecks.AssertAccessibleAsync(clerk, "editor-correction");
        await clerk.GotoAsync(site + "/notifications");
        await PageChecks.AssertAccessibleAsync(clerk, "notifications-clerk-scan");
    }
}
