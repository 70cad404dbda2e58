using System.Net;
using GovInfoPortal.Core.Domain;
using GovInfoPortal.Core.Formats;
using GovInfoPortal.Data.Accounts;
using GovInfoPortal.Testing;
using GovInfoPortal.Web.Review;

namespace GovInfoPortal.Web.Tests;

/// <summary>Words and formats from one source: a report's title, status names, dates and the password rules read the same on every page.</summary>
public sealed class WordsAndFormatsTests(DatabaseFixture databases) : IClassFixture<DatabaseFixture>
{
    [Fact]
    public async Task The_editor_the_review_page_and_the_dashboard_use_the_one_title_status_names_and_date_form()
    {
        await using var portal = new ClerkPortal(await databases.CreateAsync(TestProvider.Sqlite), demo: false);
        var city = await portal.CreateOrganizationAsync("测试市", kind: OrganizationKind.PeoplesGovernment);
        var street = await portal.CreateOrganizationAsync("测试市东门街道办事处", city.Id);
        var id = await portal.CreateReportAsync(street.Id, 2025);
        var submitted = await portal.CreateReportAsync(street.Id, 2024, (report, now) =>
        {
            report.SignOff("张三", now);
            report.SubmitWithoutChecks(now);
        });
        var clerk = await portal.SignedInAsync(PortalRoles.Clerk, street.Id);
        var reviewer = await portal.SignedInAsync(PortalRoles.Reviewer, city.Id);

        var editor = await clerk.GetStringAsync($"/clerk/reports/{id}/edit");
        var review = await reviewer.GetStringAsync($"/review/reports/{submitted}");
        var dashboard = await reviewer.GetStringAsync("/review?year=2024");

        Assert.Contains("<h1>东门街道2025年政府信息公开工作年度报告</h1>", editor, StringComparison.Ordinal);
        Assert.Contains("<h1>审核：东门街道2024年政府信息公开工作年度报告</h1>", review, StringComparison.Ordinal);
        Assert.Equal(ReportStatus.Submitted.DisplayName(), DashboardStatus.Submitted.DisplayName());
        Assert.Equal(ReportStatus.Approved.DisplayName(), DashboardStatus.Approved.DisplayName());
        Assert.DoesNotContain("待审核", dashboard, StringComparison.Ordinal);
        Assert.DoesNotContain("待发布", dashboard, StringComparison.Ordinal);
        Assert.Equal("2022年1月31日", ChineseDates.Date(new DateOnly(2022, 1, 31)));
        Assert.Equal("2022年1月31日", ReviewWorkflow.Date(new DateOnly(2022, 1, 31)));
    }

    [Fact]
    public async Task Every_password_form_states_the_whole_password_policy()
    {
        await using var portal = new ClerkPortal(await databases.CreateAsync(TestProvider.Sqlite), demo: false);
        var admin = await portal.SignedInAsync(PortalRoles.Admin, null);
        var clerkName = await portal.CreateUserAsync(PortalRoles.Clerk, (await portal.CreateOrganizationAsync("测试街道办事处")).Id);
        using var created = await admin.GetAsync("/admin/users");
        var userId = System.Text.RegularExpressions.Regex.Match(await created.Content.ReadAsStringAsync(), "href=\"/admin/users/([^\"]+)\">修改<span class=\"visually-hidden\">“" + clerkName).Groups[1].Value;

        foreach (var page in new[] { "/account/password", "/admin/users/new", $"/admin/users/{userId}" })
        {
            using var response = await admin.GetAsync(page);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains(PortalIdentity.PasswordRules, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        }

        Assert.Contains($"至少 {PortalIdentity.PasswordMinLength} 个字符", PortalIdentity.PasswordRules, StringComparison.Ordinal);
        Assert.Contains("数字", PortalIdentity.PasswordRules, StringComparison.Ordinal);
        Assert.Contains("小写英文字母", PortalIdentity.PasswordRules, StringComparison.Ordinal);
        Assert.Contains($"至少 {PortalIdentity.PasswordUniqueChars} 个不同的字符", PortalIdentity.PasswordRules, StringComparison.Ordinal);
    }
}
