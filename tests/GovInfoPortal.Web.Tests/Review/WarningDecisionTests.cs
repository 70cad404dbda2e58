using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GovInfoPortal.Core.Domain;
using GovInfoPortal.Data.Accounts;
using GovInfoPortal.Testing;
using Microsoft.EntityFrameworkCore;

namespace GovInfoPortal.Web.Tests.Review;

/// <summary>
/// Reviewers accept a warning's explanation or send it back, through the review page and the review API; each decision
/// and its reason is stored, written to the audit trail and shown in the review; bad requests change nothing.
/// </summary>
public sealed class WarningDecisionTests(DatabaseFixture databases) : IClassFixture<DatabaseFixture>
{
    /// <summary>The 2024 report is unpublished past its deadline (the portal's today is 2026-01-10): a publication.late warning.</summary>
    internal const string LateKey = "publication.late|||";

    private const string Explanation = "本单位2025年机构调整，报告延后编制，已报市政务公开办备案。";

    internal static async Task<(ClerkPortal Portal, int Report, PortalSession Reviewer, PortalSession Clerk)> SceneAsync(TestDatabase database)
    {
        var portal = new ClerkPortal(database, demo: false);
        var city = await portal.CreateOrganizationAsync("决定市" + DatabaseFixture.Unique(""), kind: OrganizationKind.PeoplesGovernment);
        var street = await portal.CreateOrganizationAsync("决定市某街道", city.Id);
        var report = await portal.CreateReportAsync(street.Id, 2024, (report, now) =>
        {
            report.UpdateDraft(new ReportSections("（测试）总体情况。", "（测试）问题。", "（测试）其他。"), report.ActiveDisclosure, report.Applications,
                report.ReviewLitigation, "张三", WarningExplanations.Of([new(LateKey, Explanation)]), now);
            report.SubmitWithoutChecks(now);
        });
        return (portal, report, await portal.SignedInAsync(PortalRoles.Reviewer, city.Id), await portal.SignedInAsync(PortalRoles.Clerk, street.Id));
    }

    internal static async Task<HttpResponseMessage> ApiAsync(PortalSession session, int report, object body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/review/reports/{report}/warnings") { Content = JsonContent.Create(body) };
        request.Headers.Accept.ParseAdd("application/json");
        request.Headers.Add("RequestVerificationToken", await session.TokenAsync("/account/password"));
        return await session.Client.SendAsync(request);
    }

    private static async Task<(string? Code, string? Detail)> ProblemAsync(HttpResponseMessage response)
    {
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return (json.RootElement.GetProperty("code").GetString(), json.RootElement.GetProperty("detail").GetString());
    }

    [Theory, SqliteData, PostgresData]
    public async Task A_reviewer_accepts_an_explanation_through_the_api_and_sees_it_in_the_review_and_the_audit_trail(TestProvider provider)
    {
        var (portal, report, reviewer, clerk) = await SceneAsync(await databases.SharedAsync(provider));
        await using var _ = portal;

        var page = await reviewer.GetStringAsync($"/review/reports/{report}");
        Assert.Contains(Explanation, page);
        Assert.Contains("接受说明", page);
        Assert.Contains("退回说明", page);

        // Refused, nothing written: no reason, no such warning, no decision, not a reviewer.
        Assert.Equal(("refused", "请填写接受该说明的理由。"), await ProblemAsync(await ApiAsync(reviewer, report, new { key = LateKey, decision = "accept", reason = " " })));
        Assert.Equal(("refused", "该警告已不在检查结果中（内容可能已改变），请刷新页面后再操作。"),
            await ProblemAsync(await ApiAsync(reviewer, report, new { key = "crossYear.carriedOver|applications|carriedOver|total", decision = "accept", reason = "理由" })));
        Assert.Equal(("refused", "请选择接受或退回该警告的说明。"), await ProblemAsync(await ApiAsync(reviewer, report, new { key = LateKey, decision = "maybe", reason = "理由" })));
        var byClerk = await ApiAsync(clerk, report, new { key = LateKey, decision = "accept", reason = "理由" });
        Assert.Equal(HttpStatusCode.Forbidden, byClerk.StatusCode);
        await using (var db = portal.Database.CreateContext())
        {
            Assert.Empty(await db.WarningDecisions.Where(d => d.ReportId == report).ToListAsync());
        }

        var accepted = await ApiAsync(reviewer, report, new { key = LateKey, decision = "accept", reason = "已核实备案材料，说明属实。" });
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);

        await using (var db = portal.Database.CreateContext())
        {
            var decision = await db.WarningDecisions.SingleAsync(d => d.ReportId == report);
            Assert.Equal((WarningDecisionKind.Accepted, "publication.late", Explanation, "已核实备案材料，说明属实。", "测试用户"),
                (decision.Kind, decision.Rule, decision.Explanation, decision.Reason, decision.ReviewerName));
            var entry = await db.AuditEntries.SingleAsync(a => a.ReportId == report && a.Action == ReportActions.WarningAccepted);
            Assert.Contains("已核实备案材料，说明属实。", entry.Description);
            Assert.Contains(Explanation, entry.Description);
            Assert.Equal(ReportStatus.Submitted, (await db.Reports.SingleAsync(r => r.Id == report)).Status);
        }

        page = await reviewer.GetStringAsync($"/review/reports/{report}");
        Assert.Contains("审核决定：接受说明（测试用户", page);
        Assert.Contains("接受警告说明", page);
    }

    [Theory, SqliteData, PostgresData]
    public async Task Sending_an_explanation_back_on_the_review_page_returns_the_report_with_the_reason(TestProvider provider)
    {
        var (portal, report, reviewer, _) = await SceneAsync(await databases.SharedAsync(provider));
        await using var __ = portal;
        var version = (await portal.ReportAsync(report)).Version;

        var noReason = await reviewer.PostAsync($"/review/reports/{report}?handler=DecideWarning",
            [new("DecisionKey", LateKey), new("Decision", "sendBack"), new("DecisionReason", ""), new("Version", version.ToString(System.Globalization.CultureInfo.InvariantCulture))],
            tokenPage: $"/review/reports/{report}");
        Assert.Equal(HttpStatusCode.Conflict, noReason.StatusCode);
        Assert.Contains("请填写退回该说明的理由，说明需要填报员补充或改正的地方。", await noReason.Content.ReadAsStringAsync());

        var sent = await reviewer.PostAsync($"/review/reports/{report}?handler=DecideWarning",
            [new("DecisionKey", LateKey), new("Decision", "sendBack"), new("DecisionReason", "未见备案材料，请补充备案文号。"),
             new("Version", version.ToString(System.Globalization.CultureInfo.InvariantCulture))],
            tokenPage: $"/review/reports/{report}");
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);

        await using (var db = portal.Database.CreateContext())
        {
            Assert.Equal(ReportStatus.Returned, (await db.Reports.SingleAsync(r => r.Id == report)).Status);
            var decision = await db.WarningDecisions.SingleAsync(d => d.ReportId == report);
            Assert.Equal(WarningDecisionKind.SentBack, decision.Kind);
            var comment = await db.ReviewComments.SingleAsync(c => c.ReportId == report && c.WithReturn);
            Assert.Equal(ReportParts.General, comment.Part);
            Assert.Contains("未见备案材料，请补充备案文号。", comment.Text);
            var actions = await db.AuditEntries.Where(a => a.ReportId == report).OrderBy(a => a.Id).Select(a => a.Action).ToListAsync();
            Assert.Equal([ReportActions.WarningSentBack, ReportActions.Returned], actions.TakeLast(2));
        }

        var page = await reviewer.GetStringAsync($"/review/reports/{report}");
        Assert.Contains("退回警告说明", page);
        Assert.DoesNotContain("name=\"Decision\"", page);
    }
}
