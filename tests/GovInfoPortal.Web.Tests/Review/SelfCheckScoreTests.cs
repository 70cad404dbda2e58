using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using GovInfoPortal.Core.Domain;
using GovInfoPortal.Data.Accounts;
using GovInfoPortal.Testing;
using GovInfoPortal.Web.Clerk;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace GovInfoPortal.Web.Tests.Review;

/// <summary>
/// The self-check score: shown to the clerk (editor, its JSON answers, the preview, 我的报告) and to the reviewer (the
/// review page, the dashboard); a warning the reviewer accepts loses no points; a subtree scores by its own checklist.
/// </summary>
public sealed partial class SelfCheckScoreTests(DatabaseFixture databases) : IClassFixture<DatabaseFixture>
{
    [GeneratedRegex("自查得分 (\\d+) 分（满分 100 分）")]
    private static partial Regex ScoreText();

    private static int ScoreIn(string page) => int.Parse(ScoreText().Match(page).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

    [Theory, SqliteData, PostgresData]
    public async Task The_reviewer_sees_the_score_and_an_accepted_warning_gives_its_points_back(TestProvider provider)
    {
        var (portal, report, reviewer, clerk) = await WarningDecisionTests.SceneAsync(await databases.SharedAsync(provider));
        await using var _ = portal;

        // Unpublished past the 2024 deadline: 按时发布 is lost, and the clerk saw it before submitting.
        var review = await reviewer.GetStringAsync($"/review/reports/{report}");
        Assert.Contains("<section id=\"self-check\"", review);
        Assert.Contains("按时发布：扣 10 分（本项 10 分）", review);
        var before = ScoreIn(review);
        Assert.True(before <= 90, $"score {before}");
        var preview = await clerk.GetStringAsync("/clerk/reports");
        Assert.Contains($"{before} 分", preview);

        var dashboard = await reviewer.GetStringAsync("/review?year=2024");
        Assert.Contains("<th scope=\"col\">自查得分</th>", dashboard);
        Assert.Matches($"<td data-label=\"自查得分\" class=\"self-check-cell\">\\s*<span class=\"self-check-points\">{before} 分</span>\\s*<br /><span class=\"hint self-check-lost-points\">[^<]*按时发布 −10", dashboard);

        var accepted = await WarningDecisionTests.ApiAsync(reviewer, report, new { key = WarningDecisionTests.LateKey, decision = "accept", reason = "已核实备案材料，说明属实。" });
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);

        var after = await reviewer.GetStringAsync($"/review/reports/{report}");
        Assert.DoesNotContain("按时发布：扣", after);
        Assert.Equal(before + 10, ScoreIn(after));
        var later = await reviewer.GetStringAsync("/review?year=2024");
        Assert.Contains($">{before + 10} 分</span>", later);
        Assert.DoesNotContain("按时发布 −10", later);
    }

    [Fact]
    public async Task The_editor_shows_the_score_and_its_check_answers_carry_it_while_the_clerk_types()
    {
        var portal = new ClerkPortal(await databases.SharedAsync(TestProvider.Sqlite), demo: false);
        await using var _ = portal;
        var organization = await portal.CreateOrganizationAsync("评分街道办事处");
        var clerk = await portal.SignedInAsync(PortalRoles.Clerk, organization.Id);
        var id = await portal.CreateReportAsync(organization.Id, 2025);

        var editor = await clerk.GetStringAsync($"/clerk/reports/{id}/edit");
        Assert.Contains("<a href=\"#self-check\">自查评分</a>", editor);
        Assert.Contains("id=\"self-check-count\"", editor);
        // A fresh report: nothing is filled in, so the completeness criterion is lost (15 points at 5 a finding).
        Assert.Contains("六部分内容完整，表格填写齐全：扣 15 分（本项 15 分）", editor);

        var response = await clerk.PostAsync($"/clerk/reports/{id}/edit/check", DraftForms.Clean(0, DraftForms.Unbalanced), fetch: true);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var score = json.RootElement.GetProperty("selfCheck");
        Assert.Equal(100, score.GetProperty("total").GetInt32());
        Assert.Equal($"自查得分 {score.GetProperty("score").GetInt32()} 分（满分 100 分）", score.GetProperty("text").GetString());
        Assert.Equal($"自查 {score.GetProperty("score").GetInt32()} 分", score.GetProperty("short").GetString());
        var tables = score.GetProperty("shortfalls").EnumerateArray().Single(s => s.GetProperty("text").GetString()!.StartsWith("表格数据逻辑一致：扣", StringComparison.Ordinal));
        Assert.False(tables.GetProperty("notChecked").GetBoolean());
        Assert.Contains(tables.GetProperty("reasons").EnumerateArray(), r => r.GetString()!.StartsWith("表三·自然人", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_subtree_scores_by_the_checklist_file_configured_for_it()
    {
        var database = await databases.SharedAsync(TestProvider.Sqlite);
        var path = Path.Combine(Path.GetTempPath(), $"checklist-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(path, """
            {
              "id": "city",
              "name": "某市年度报告考评细则",
              "criteria": [ { "id": "onTime", "name": "按时发布", "points": 40, "rules": ["publication.late"] } ]
            }
            """);
        try
        {
            var setup = new ClerkPortal(database, demo: false);
            var city = await setup.CreateOrganizationAsync("评分市" + DatabaseFixture.Unique(""), kind: OrganizationKind.PeoplesGovernment);
            var inside = await setup.CreateOrganizationAsync("评分市某街道", city.Id);
            var outside = await setup.CreateOrganizationAsync("别处街道");
            await setup.DisposeAsync();

            var portal = new ClerkPortal(database, demo: false, settings: new Dictionary<string, string>
            {
                ["SelfCheck:Subtrees:0:Organization"] = city.Code!,
                ["SelfCheck:Subtrees:0:Checklist"] = path,
            });
            await using var _ = portal;
            var insideReport = await portal.CreateReportAsync(inside.Id, 2024);
            var outsideReport = await portal.CreateReportAsync(outside.Id, 2024);

            var own = await (await portal.SignedInAsync(PortalRoles.Clerk, inside.Id)).GetStringAsync($"/clerk/reports/{insideReport}/edit");
            Assert.Contains("自查得分 0 分（满分 40 分）", own);
            Assert.Contains("评分表：<span id=\"self-check-checklist\">某市年度报告考评细则</span>", own);
            var other = await (await portal.SignedInAsync(PortalRoles.Clerk, outside.Id)).GetStringAsync($"/clerk/reports/{outsideReport}/edit");
            Assert.Contains("政府信息公开工作年度报告自查评分表", other);
            Assert.Contains("（满分 100 分）", other);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_checklist_file_that_is_missing_or_unusable_is_refused_with_its_name()
    {
        var environment = new Environment(Path.GetTempPath());
        var missing = Path.Combine(Path.GetTempPath(), $"no-such-{Guid.NewGuid():N}.json");
        var options = Options.Create(new SelfCheckOptions { Subtrees = [new SubtreeChecklist { Organization = "350500", Checklist = missing }] });

        var refusal = Assert.Throws<FileNotFoundException>(() => new SelfCheckChecklists(options, environment));
        Assert.Equal($"找不到自查评分表文件 {missing}。", refusal.Message);

        var unnamed = Options.Create(new SelfCheckOptions { Subtrees = [new SubtreeChecklist { Organization = "350500" }] });
        Assert.Contains("须写明 organization（机构代码）和 checklist（评分表文件）", Assert.Throws<InvalidOperationException>(() => new SelfCheckChecklists(unnamed, environment)).Message);
    }

    private sealed class Environment(string root) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Production";

        public string ApplicationName { get; set; } = "GovInfoPortal.Web";

        public string ContentRootPath { get; set; } = root;

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
