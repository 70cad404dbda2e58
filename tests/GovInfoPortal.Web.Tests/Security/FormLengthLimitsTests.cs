using System.Net;
using GovInfoPortal.Core.Domain;
using GovInfoPortal.Core.Validation;
using GovInfoPortal.Data.Accounts;
using GovInfoPortal.Testing;
using Microsoft.EntityFrameworkCore;

namespace GovInfoPortal.Web.Tests.Security;

/// <summary>
/// Every text field of the review, admin and account forms has a length limit checked on the server: too long is
/// refused with a zh-CN message naming the limit, what was typed stays in the form and nothing is saved.
/// </summary>
public sealed class FormLengthLimitsTests(DatabaseFixture databases) : IClassFixture<DatabaseFixture>
{
    private static async Task<string> HtmlAsync(HttpResponseMessage response) => WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

    [Theory]
    [SqliteData]
    [PostgresData]
    public async Task Review_forms_refuse_overlong_comments_reasons_and_parts_and_save_nothing(TestProvider provider)
    {
        var database = await databases.CreateAsync(provider);
        var (portal, city, street) = await InputLimitsTests.PortalAsync(database);
        await using var _ = portal;
        var published = await InputLimitsTests.PublishedAsync(portal, street);
        var submitted = await portal.CreateReportAsync(street.Id, 2025, (report, now) =>
        {
            report.UpdateSections(new ReportSections("总体情况。", "问题。", "事项。"), now);
            report.SignOff("张三", now);
            report.SubmitWithoutChecks(now);
        });
        var reviewer = await portal.SignedInAsync(PortalRoles.Reviewer, city.Id);
        var version = (await portal.ReportAsync(submitted)).Version.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var comment = new string('改', InputLimits.CommentMaxLength + 1);
        var reason = new string('误', InputLimits.ReasonMaxLength + 1);
        var commentRefusal = $"意见最多 {InputLimits.CommentMaxLength} 个字，现有 {InputLimits.CommentMaxLength + 1} 个字。";

        var returned = await reviewer.PostAsync($"/review/reports/{submitted}/return", ("Version", version), ("ReturnPart", ReportParts.Overview), ("ReturnComment", comment));
        var commented = await reviewer.PostAsync($"/review/reports/{submitted}/comment", ("CommentPart", ReportParts.Problems), ("CommentText", comment));
        var badPart = await reviewer.PostAsync($"/review/reports/{submitted}/comment", ("CommentPart", new string('p', 500)), ("CommentText", "意见。"));
        var publishedVersion = (await portal.ReportAsync(published)).Version.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var corrected = await reviewer.PostAsync($"/review/reports/{published}/correction", ("Version", publishedVersion), ("Reason", reason));

        Assert.Equal(HttpStatusCode.Conflict, returned.StatusCode);
        var returnPage = await HtmlAsync(returned);
        Assert.Contains(commentRefusal, returnPage, StringComparison.Ordinal);
        Assert.Contains($">{comment}</textarea>", returnPage, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, commented.StatusCode);
        var commentPage = await HtmlAsync(commented);
        Assert.Contains(commentRefusal, commentPage, StringComparison.Ordinal);
        Assert.Contains($">{comment}</textarea>", commentPage, StringComparison.Ordinal);
        Assert.Contains("请选择意见针对的报告部分。", await HtmlAsync(badPart), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, corrected.StatusCode);
        var correctionPage = await HtmlAsync(corrected);
        Assert.Contains($"更正原因最多 {InputLimits.ReasonMaxLength} 个字，现有 {InputLimits.ReasonMaxLength + 1} 个字。", correctionPage, StringComparison.Ordinal);
        Assert.Contains($">{reason}</textarea>", correctionPage, StringComparison.Ordinal);

        Assert.Equal(ReportStatus.Submitted, (await portal.ReportAsync(submitted)).Status);
        await using var db = database.CreateContext();
        Assert.False(await db.ReviewComments.AnyAsync(c => c.ReportId == submitted));
        Assert.False(await db.Set<ReportCorrection>().AnyAsync(c => c.ReportId == published));
    }

    [Theory]
    [SqliteData]
    [PostgresData]
    public async Task Admin_and_account_forms_refuse_overlong_fields_keep_the_input_and_save_nothing(TestProvider provider)
    {
        var database = await databases.CreateAsync(provider);
        var (portal, city, _) = await InputLimitsTests.PortalAsync(database);
        await using var _ = portal;
        var admin = await portal.SignedInAsync(PortalRoles.Admin, null);
        await using var before = database.CreateContext();
        var organizations = await before.Organizations.CountAsync();
        var users = await before.Users.CountAsync();
        var longName = new string('机', InputLimits.OrganizationNameMaxLength + 1);
        var longCode = new string('9', InputLimits.OrganizationCodeMaxLength + 1);

        var organization = await admin.PostAsync("/admin/organizations", ("Form.Name", longName), ("Form.Code", longCode), ("Form.Kind", "Township"),
            ("Form.ParentId", city.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var renamed = await admin.PostAsync($"/admin/organizations/{city.Id}", ("Form.Name", longName), ("Form.Kind", "PeoplesGovernment"));
        var longUser = new string('u', InputLimits.UserNameMaxLength + 1);
        var longDisplay = new string('张', 51);
        var user = await admin.PostAsync("/admin/users/new", ("Form.UserName", longUser), ("Form.DisplayName", longDisplay),
            ("Form.Role", PortalRoles.Clerk), ("Form.OrganizationId", city.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("Form.Password", "Ab1" + new string('x', InputLimits.PasswordMaxLength)));
        var signIn = await portal.Session().SignInAsync(longUser, "whatever1");

        var organizationPage = await HtmlAsync(organization);
        Assert.Contains($"机关名称不能超过 {InputLimits.OrganizationNameMaxLength} 个字。", organizationPage, StringComparison.Ordinal);
        Assert.Contains($"机关代码不能超过 {InputLimits.OrganizationCodeMaxLength} 个字符。", organizationPage, StringComparison.Ordinal);
        Assert.Contains($"value=\"{longName}\"", organizationPage, StringComparison.Ordinal);
        Assert.Contains($"机关名称不能超过 {InputLimits.OrganizationNameMaxLength} 个字。", await HtmlAsync(renamed), StringComparison.Ordinal);
        var userPage = await HtmlAsync(user);
        Assert.Contains($"用户名不能超过 {InputLimits.UserNameMaxLength} 个字符。", userPage, StringComparison.Ordinal);
        Assert.Contains("姓名不能超过 50 个字。", userPage, StringComparison.Ordinal);
        Assert.Contains($"初始密码不能超过 {InputLimits.PasswordMaxLength} 个字符。", userPage, StringComparison.Ordinal);
        Assert.Contains($"value=\"{longUser}\"", userPage, StringComparison.Ordinal);
        Assert.Contains($"value=\"{longDisplay}\"", userPage, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        var signInPage = await HtmlAsync(signIn);
        Assert.Contains($"用户名不能超过 {InputLimits.UserNameMaxLength} 个字符。", signInPage, StringComparison.Ordinal);
        Assert.Contains($"value=\"{longUser}\"", signInPage, StringComparison.Ordinal);

        var clerkName = await portal.CreateUserAsync(PortalRoles.Clerk, city.Id);
        await using (var db = database.CreateContext())
        {
            var clerkId = (await db.Users.SingleAsync(u => u.UserName == clerkName)).Id;
            var reset = await admin.PostAsync($"/admin/users/{clerkId}?handler=Reset", ("Reset.NewPassword", "Ab1" + new string('x', InputLimits.PasswordMaxLength)));
            Assert.Contains($"新密码不能超过 {InputLimits.PasswordMaxLength} 个字符。", await HtmlAsync(reset), StringComparison.Ordinal);
        }

        var clerk = portal.Session();
        Assert.Equal(HttpStatusCode.Redirect, (await clerk.SignInAsync(clerkName, ClerkPortal.Password)).StatusCode);
        var longPassword = "Ab1" + new string('x', InputLimits.PasswordMaxLength);
        var changed = await clerk.PostAsync("/account/password", ("Input.CurrentPassword", ClerkPortal.Password), ("Input.NewPassword", longPassword),
            ("Input.ConfirmPassword", longPassword));
        Assert.Contains($"新密码不能超过 {InputLimits.PasswordMaxLength} 个字符。", await HtmlAsync(changed), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await portal.Session().SignInAsync(clerkName, ClerkPortal.Password)).StatusCode);

        await using var after = database.CreateContext();
        Assert.Equal(organizations, await after.Organizations.CountAsync());
        Assert.Equal(users + 1, await after.Users.CountAsync());
        Assert.Equal("限额市", (await after.Organizations.SingleAsync(o => o.Id == city.Id)).Name);
    }
}
