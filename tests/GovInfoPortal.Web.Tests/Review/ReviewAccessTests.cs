using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GovInfoPortal.Core.Domain;
using GovInfoPortal.Data.Accounts;
using GovInfoPortal.Testing;
using Microsoft.EntityFrameworkCore;

namespace GovInfoPortal.Web.Tests.Review;

/// <summary>
/// Who may review what, through the pages and the API: anonymous users, clerks, admins and reviewers outside the
/// subtree are refused; invalid steps (publishing a draft, editing a submitted report, publishing without the
/// secrecy review, a stale version) are refused with a clear zh-CN message and change nothing.
/// </summary>
public sealed class ReviewAccessTests(DatabaseFixture databases) : IClassFixture<DatabaseFixture>
{
    private sealed record Scene(ClerkPortal Portal, Organization City, Organization Street, Organization Town, int Submitted, int Draft,
        PortalSession Reviewer, PortalSession Outsider, PortalSession Clerk, PortalSession Admin, PortalSession Anonymous);

    private static async Task<Scene> SceneAsync(TestDatabase database)
    {
        var portal = new ClerkPortal(database, demo: false);
        var city = await portal.CreateOrganizationAsync("审核市" + DatabaseFixture.Unique(""), kind: OrganizationKind.PeoplesGovernment);
        var street = await portal.CreateOrganizationAsync("审核市某街道", city.Id);
        var town = await portal.CreateOrganizationAsync("审核市某镇", city.Id);
        var other = await portal.CreateOrganizationAsync("另一市", kind: OrganizationKind.PeoplesGovernment);
        var submitted = await portal.CreateReportAsync(street.Id, 2025, (report, now) =>
        {
            report.UpdateSections(new ReportSections("（测试）总体情况。", "（测试）问题。", "（测试）其他。"), now);
            report.SignOff("张三", now);
            report.SubmitWithoutChecks(now);
        });
        var draft = await portal.CreateReportAsync(town.Id, 2025);
        return new Scene(portal, city, street, town, submitted, draft,
            await portal.SignedInAsync(PortalRoles.Reviewer, city.Id),
            await portal.SignedInAsync(PortalRoles.Reviewer, other.Id),
            await portal.SignedInAsync(PortalRoles.Clerk, street.Id),
            await portal.SignedInAsync(PortalRoles.Admin, null),
            portal.Session());
    }

    private static async Task<ReportStatus> StatusAsync(Scene scene, int id) => (await scene.Portal.ReportAsync(id)).Status;

    private static bool IsDenied(HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.Forbidden ||
        (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.ToString().Contains("/account/denied", StringComparison.Ordinal));

    private static bool IsSignInChallenge(HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.ToString().Contains("/account/login", StringComparison.Ordinal);

    /// <summary>A JSON call of the review API with the session's antiforgery token (omitted when <paramref name="token"/> is false).</summary>
    private static async Task<HttpResponseMessage> ApiAsync(PortalSession session, string path, object body, bool token = true)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.Accept.ParseAdd("application/json");
        if (token)
        {
            request.Headers.Add("RequestVerificationToken", await session.TokenAsync("/account/password"));
        }

        return await session.Client.SendAsync(request);
    }

    private static async Task<(string? Code, string? Detail)> ProblemAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return (json.RootElement.GetProperty("code").GetString(), json.RootElement.GetProperty("detail").GetString());
    }

    [Theory, SqliteData, PostgresData]
    public async Task Review_pages_are_for_reviewers_of_the_subtree_and_admins(TestProvider provider)
    {
        var scene = await SceneAsync(await databases.SharedAsync(provider));
        await using var portal = scene.Portal;
        var dashboard = $"/review?year=2025&org={scene.City.Id}";
        var review = $"/review/reports/{scene.Submitted}";

        Assert.True(IsSignInChallenge(await scene.Anonymous.GetAsync(dashboard)));
        Assert.True(IsSignInChallenge(await scene.Anonymous.GetAsync(review)));
        Assert.True(IsDenied(await scene.Clerk.GetAsync(dashboard)));
        Assert.True(IsDenied(await scene.Clerk.GetAsync(review)));
        Assert.True(IsDenied(await scene.Outsider.GetAsync(review)));
        Assert.True(IsSignInChallenge(await scene.Anonymous.GetAsync("/notifications")));

        var page = await scene.Reviewer.GetStringAsync(dashboard);
        Assert.Contains("审核市某街道", page, StringComparison.Ordinal);
        Assert.Contains($"href=\"/review/reports/{scene.Submitted}\"", page, StringComparison.Ordinal);
        var reviewPage = await scene.Reviewer.GetStringAsync(review);
        Assert.Contains(">审核通过</button>", reviewPage, StringComparison.Ordinal);
        Assert.Contains(">退回</button>", reviewPage, StringComparison.Ordinal);

        // An outsider asking for this subtree is refused, as on the totals and exports pages; its own dashboard shows its own subtree.
        Assert.True(IsDenied(await scene.Outsider.GetAsync(dashboard)));
        Assert.DoesNotContain("审核市某街道", await scene.Outsider.GetStringAsync("/review?year=2025"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await scene.Reviewer.GetAsync("/review?org=999999999")).StatusCode);

        // Admins read the review and its audit trail, without the reviewer's buttons.
        Assert.Contains("审核市某街道", await scene.Admin.GetStringAsync(dashboard), StringComparison.Ordinal);
        var adminView = await scene.Admin.GetStringAsync(review);
        Assert.Contains("只有审核员可以退回、审核通过、发布和更正报告。", adminView, StringComparison.Ordinal);
        Assert.Contains("操作记录", adminView, StringComparison.Ordinal);
        Assert.DoesNotContain(">审核通过</button>", adminView, StringComparison.Ordinal);
    }

    [Theory, SqliteData, PostgresData]
    public async Task Review_steps_on_the_page_check_role_subtree_and_state(TestProvider provider)
    {
        var scene = await SceneAsync(await databases.SharedAsync(provider));
        await using var portal = scene.Portal;
        var version = (await portal.ReportAsync(scene.Submitted)).Version.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var approve = $"/review/reports/{scene.Submitted}/approve";

        Assert.True(IsSignInChallenge(await scene.Anonymous.PostAsync(approve, ("Version", version))));
        Assert.True(IsDenied(await scene.Clerk.PostAsync(approve, ("Version", version))));
        Assert.True(IsDenied(await scene.Outsider.PostAsync(approve, ("Version", version))));
        var byAdmin = await scene.Admin.PostAsync(approve, ("Version", version));
        Assert.Equal(HttpStatusCode.Forbidden, byAdmin.StatusCode);
        Assert.Contains("只有审核员可以退回、审核通过、发布和更正报告。", await byAdmin.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(ReportStatus.Submitted, await StatusAsync(scene, scene.Submitted));

        // Publishing a submitted report, and a draft, is refused; so is a return without a comment (what was typed stays).
        var publish = await scene.Reviewer.PostAsync($"/review/reports/{scene.Submitted}/publish", ("Version", version), ("SecrecyReviewConfirmed", "true"));
        Assert.Equal(HttpStatusCode.Conflict, publish.StatusCode);
        Assert.Contains("报告当前状态为“已提交”，不能发布。", await publish.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var draftVersion = (await portal.ReportAsync(scene.Draft)).Version.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var publishDraft = await scene.Reviewer.PostAsync($"/review/reports/{scene.Draft}/publish", ("Version", draftVersion), ("SecrecyReviewConfirmed", "true"));
        Assert.Equal(HttpStatusCode.Conflict, publishDraft.StatusCode);
        Assert.Contains("报告当前状态为“草稿”，不能发布。", await publishDraft.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var blank = await scene.Reviewer.PostAsync($"/review/reports/{scene.Submitted}/return", ("Version", version), ("ReturnPart", ReportParts.Overview),
            ("ReturnComment", " "));
        Assert.Equal(HttpStatusCode.Conflict, blank.StatusCode);
        var blankPage = await blank.Content.ReadAsStringAsync();
        Assert.Contains("退回时请填写审核意见，说明需要修改的地方。", blankPage, StringComparison.Ordinal);
        Assert.Contains("<option value=\"overview\" selected=\"selected\">", blankPage, StringComparison.Ordinal);
        Assert.Equal(ReportStatus.Submitted, await StatusAsync(scene, scene.Submitted));

        // A stale version is refused instead of acting on what the reviewer did not see.
        var stale = await scene.Reviewer.PostAsync(approve, ("Version", "0"));
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains("该报告刚刚被他人修改或处理过", await stale.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var returned = await scene.Reviewer.PostAsync($"/review/reports/{scene.Submitted}/return", ("Version", version), ("ReturnPart", ReportParts.Overview),
            ("ReturnComment", "总体情况请补充依申请公开的内容。"));
        Assert.Equal(HttpStatusCode.Redirect, returned.StatusCode);
        Assert.Equal(ReportStatus.Returned, await StatusAsync(scene, scene.Submitted));
        await using var db = portal.Database.CreateContext();
        var comment = await db.ReviewComments.SingleAsync(c => c.ReportId == scene.Submitted);
        Assert.Equal((ReportParts.Overview, "总体情况请补充依申请公开的内容。", true), (comment.Part, comment.Text, comment.WithReturn));
    }

    [Theory, SqliteData, PostgresData]
    public async Task The_api_checks_sign_in_antiforgery_role_subtree_state_and_version(TestProvider provider)
    {
        var scene = await SceneAsync(await databases.SharedAsync(provider));
        await using var portal = scene.Portal;
        var report = $"/api/v1/review/reports/{scene.Submitted}";
        var version = (await portal.ReportAsync(scene.Submitted)).Version;

        var anonymous = await ApiAsync(scene.Anonymous, report + "/approve", new { version }, token: false);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal("unauthenticated", (await ProblemAsync(anonymous)).Code);
        var noToken = await ApiAsync(scene.Reviewer, report + "/approve", new { version }, token: false);
        Assert.Equal(HttpStatusCode.BadRequest, noToken.StatusCode);
        Assert.Equal("antiforgery", (await ProblemAsync(noToken)).Code);
        foreach (var (session, message) in new[]
                 {
                     (scene.Clerk, "只有审核员可以退回、审核通过、发布和更正报告。"),
                     (scene.Admin, "只有审核员可以退回、审核通过、发布和更正报告。"),
                     (scene.Outsider, $"“{scene.Street.Name}”不在您的审核范围内，您不能审核它的报告。"),
                 })
        {
            var refused = await ApiAsync(session, report + "/approve", new { version });
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            Assert.Equal(("forbidden", message), await ProblemAsync(refused));
        }

        Assert.Equal(HttpStatusCode.Forbidden, (await scene.Outsider.GetAsync(report)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await ApiAsync(scene.Reviewer, "/api/v1/review/reports/999999/approve", new { })).StatusCode);
        var notJson = new HttpRequestMessage(HttpMethod.Post, report + "/approve") { Content = new StringContent("不是 JSON") };
        notJson.Headers.Add("RequestVerificationToken", await scene.Reviewer.TokenAsync("/account/password"));
        var badBody = await scene.Reviewer.Client.SendAsync(notJson);
        Assert.Equal(HttpStatusCode.BadRequest, badBody.StatusCode);
        Assert.Equal("invalidBody", (await ProblemAsync(badBody)).Code);

        var publishDraft = await ApiAsync(scene.Reviewer, $"/api/v1/review/reports/{scene.Draft}/publish", new { secrecyReviewConfirmed = true });
        Assert.Equal(HttpStatusCode.Conflict, publishDraft.StatusCode);
        Assert.Equal(("refused", "报告当前状态为“草稿”，不能发布。"), await ProblemAsync(publishDraft));
        var stale = await ApiAsync(scene.Reviewer, report + "/approve", new { version = version - 1 });
        Assert.Equal(("stale", GovInfoPortal.Web.Review.ReviewWorkflow.ConflictMessage), await ProblemAsync(stale));
        Assert.Equal(ReportStatus.Submitted, await StatusAsync(scene, scene.Submitted));

        var approved = await ApiAsync(scene.Reviewer, report + "/approve", new { version });
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        using (var json = JsonDocument.Parse(await approved.Content.ReadAsStringAsync()))
        {
            Assert.Equal("approved", json.RootElement.GetProperty("report").GetProperty("status").GetString());
        }

        var unconfirmed = await ApiAsync(scene.Reviewer, report + "/publish", new { publishedOn = "2026-01-09", secrecyReviewConfirmed = false });
        Assert.Equal(("refused", "发布前须确认已完成保密审查（先审查、后公开）。"), await ProblemAsync(unconfirmed));
        var future = await ApiAsync(scene.Reviewer, report + "/publish", new { publishedOn = "2026-02-01", secrecyReviewConfirmed = true });
        Assert.Equal(("refused", "发布日期不能晚于今天（2026年1月10日）。"), await ProblemAsync(future));
        var published = await ApiAsync(scene.Reviewer, report + "/publish", new { publishedOn = "2026-01-09", secrecyReviewConfirmed = true });
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        var stored = await portal.ReportAsync(scene.Submitted);
        Assert.Equal((ReportStatus.Published, new DateOnly(2026, 1, 9)), (stored.Status, stored.PublishedOn));
        Assert.Equal("测试用户", stored.SecrecyReviewedBy);

        var noReason = await ApiAsync(scene.Reviewer, report + "/corrections", new { reason = "" });
        Assert.Equal(("refused", "请填写更正原因，发布后将在报告页面上公开。"), await ProblemAsync(noReason));
        var opened = await ApiAsync(scene.Reviewer, report + "/corrections", new { reason = "表三数据有误" });
        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        using (var state = JsonDocument.Parse(await scene.Reviewer.GetStringAsync(report)))
        {
            Assert.Equal("published", state.RootElement.GetProperty("status").GetString());
            Assert.Equal(1, state.RootElement.GetProperty("correction").GetProperty("number").GetInt32());
            Assert.Equal("draft", state.RootElement.GetProperty("correction").GetProperty("status").GetString());
        }

        var commented = await ApiAsync(scene.Reviewer, report + "/comments", new { part = ReportParts.Applications, text = "请核对表三。" });
        Assert.Equal(HttpStatusCode.OK, commented.StatusCode);
    }

    [Theory, SqliteData, PostgresData]
    public async Task A_submitted_report_cannot_be_edited_by_its_clerk(TestProvider provider)
    {
        var scene = await SceneAsync(await databases.SharedAsync(provider));
        await using var portal = scene.Portal;
        var before = await portal.ReportAsync(scene.Submitted);

        var save = await scene.Clerk.PostAsync($"/clerk/reports/{scene.Submitted}/edit/save", DraftForms.Clean(before.Version), fetch: true);

        Assert.Equal(HttpStatusCode.Forbidden, save.StatusCode);
        using (var json = JsonDocument.Parse(await save.Content.ReadAsStringAsync()))
        {
            Assert.Contains("当前状态为“已提交”，不能修改。", json.RootElement.GetProperty("message").GetString(), StringComparison.Ordinal);
        }

        var after = await portal.ReportAsync(scene.Submitted);
        Assert.Equal((before.Version, before.Sections), (after.Version, after.Sections));
    }

    [Theory, SqliteData, PostgresData]
    public async Task Reviewers_hear_of_submissions_and_clerks_of_returns(TestProvider provider)
    {
        var scene = await SceneAsync(await databases.SharedAsync(provider));
        await using var portal = scene.Portal;
        var version = (await portal.ReportAsync(scene.Submitted)).Version.ToString(System.Globalization.CultureInfo.InvariantCulture);

        var reviewerPage = await scene.Reviewer.GetStringAsync("/notifications");
        Assert.Contains("审核市某街道 2025 年度报告", reviewerPage, StringComparison.Ordinal);
        Assert.Contains("1 条未读通知。", reviewerPage, StringComparison.Ordinal);
        Assert.Contains("（1 条未读）", await scene.Reviewer.GetStringAsync("/review"), StringComparison.Ordinal);
        Assert.DoesNotContain("审核市某街道", await scene.Outsider.GetStringAsync("/notifications"), StringComparison.Ordinal);

        await scene.Reviewer.PostAsync($"/review/reports/{scene.Submitted}/return", ("Version", version), ("ReturnPart", ReportParts.Applications),
            ("ReturnComment", "表三请补充说明。"));
        var clerkPage = await scene.Clerk.GetStringAsync("/notifications");
        Assert.Contains("退回报告（三、收到和处理政府信息公开申请情况）：表三请补充说明。", clerkPage, StringComparison.Ordinal);
        Assert.Contains($"href=\"/clerk/reports/{scene.Submitted}/edit\"", clerkPage, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await scene.Reviewer.PostAsync("/notifications/read", [], "/notifications")).StatusCode);
        Assert.Contains("没有未读通知。", await scene.Reviewer.GetStringAsync("/notifications"), StringComparison.Ordinal);
        Assert.Contains("1 条未读通知。", await scene.Clerk.GetStringAsync("/notifications"), StringComparison.Ordinal);
    }
}
