using System.Net;
using System.Text;
using System.Text.Json;
using GovInfoPortal.Core.Domain;
using GovInfoPortal.Core.Formats;
using GovInfoPortal.Core.Interchange;
using GovInfoPortal.Data;
using GovInfoPortal.Data.Accounts;
using GovInfoPortal.Testing;
using GovInfoPortal.Web.Clerk;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Primitives;

namespace GovInfoPortal.Web.Tests;

/// <summary>A clerk's reports: starting the year, saving drafts, concurrency, submission, import.</summary>
public sealed class ClerkReportsTests(DatabaseFixture databases) : IClassFixture<DatabaseFixture>
{
    private static readonly Dictionary<string, decimal?> CarriedForward2024 = new()
    {
        ["naturalPerson"] = 2, ["commercial"] = 1, ["research"] = 0, ["nonProfit"] = 0, ["legalService"] = 0, ["otherOrg"] = 0, ["total"] = 3,
    };

    private static async Task<(ClerkPortal Portal, Organization Organization, PortalSession Clerk)> StartAsync(TestDatabase database)
    {
        var portal = new ClerkPortal(database, demo: false);
        var organization = await portal.CreateOrganizationAsync("测试街道办事处");
        return (portal, organization, await portal.SignedInAsync(PortalRoles.Clerk, organization.Id));
    }

    private static int IdFrom(HttpResponseMessage response) =>
        int.Parse(response.Headers.Location!.OriginalString.Split('/')[3], System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    [SqliteData]
    [PostgresData]
    public async Task Starting_the_year_uses_its_format_and_carries_over_last_years_carried_forward(TestProvider provider)
    {
        var (portal, organization, clerk) = await StartAsync(await databases.CreateAsync(provider));
        await using var _ = portal;
        await portal.CreateReportAsync(organization.Id, 2024, (report, now) => report.UpdateTable(TableCodes.Applications,
            ReportTable.FromCells(CarriedForward2024.Select(c => ("carriedForward", c.Key, c.Value))), now));

        var form = await clerk.GetStringAsync("/clerk/reports/start");
        var started = await clerk.PostAsync("/clerk/reports/start", ("Year", "2025"));
        var again = await clerk.PostAsync("/clerk/reports/start", ("Year", "2025"));
        var tooEarly = await clerk.PostAsync("/clerk/reports/start", ("Year", "2026"));

        Assert.Contains("<option value=\"2025\" selected=\"selected\">2025 年度（2021年版格式）</option>", form, StringComparison.Ordinal);
        Assert.DoesNotContain("value=\"2024\"", form, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        var id = IdFrom(started);
        var stored = await portal.ReportAsync(id);
        Assert.Equal((2025, ReportFormat.Format2021, ReportStatus.Draft), (stored.Year, stored.Format, stored.Status));
        Assert.Equal(CarriedForward2024.OrderBy(c => c.Key), stored.Applications.Row("carriedOver").Cells.OrderBy(c => c.Key));
        Assert.Contains("2025 年度报告已经存在", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("可以填报的年度为 2019 年至 2025 年", await tooEarly.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var editor = await clerk.GetStringAsync($"/clerk/reports/{id}/edit");
        Assert.Contains("id=\"cell-applications-carriedOver-naturalPerson\"", editor, StringComparison.Ordinal);
        Assert.Matches("id=\"cell-applications-carriedOver-naturalPerson\"[^>]*value=\"2\"|value=\"2\"[^>]*id=\"cell-applications-carriedOver-naturalPerson\"", editor);
        Assert.Contains("查看上一年度（2024 年）表三 数据（参考）", editor, StringComparison.Ordinal);
        Assert.Contains("data-last=\"2\"", editor, StringComparison.Ordinal);
        var list = await clerk.GetStringAsync("/clerk/reports");
        Assert.Contains("2025 年度", list, StringComparison.Ordinal);
        // A report being filled counts its empty cells and parts as work to do, not as errors.
        Assert.Matches("<span class=\"check-to-fill\">未填 \\d+ 格，3 个部分未写</span>", list);
    }

    [Theory]
    [SqliteData]
    [PostgresData]
    public async Task A_draft_is_saved_with_its_errors_and_shown_with_the_findings_on_the_cells(TestProvider provider)
    {
        var (portal, organization, clerk) = await StartAsync(await databases.CreateAsync(provider));
        await using var _ = portal;
        var id = await portal.CreateReportAsync(organization.Id, 2025);

        var saved = await clerk.PostAsync($"/clerk/reports/{id}/edit", DraftForms.Clean(0, DraftForms.Unbalanced));
        var editor = await clerk.GetStringAsync($"/clerk/reports/{id}/edit");

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var stored = await portal.ReportAsync(id);
        Assert.Equal(1m, stored.Applications["newlyReceived", "naturalPerson"]);
        Assert.Equal(DraftForms.Overview, stored.Sections.Overview);
        Assert.Equal("张三", stored.SignedBy);
        Assert.Contains("草稿已保存。", editor, StringComparison.Ordinal);
        Assert.Contains("表三·自然人：本年新收与上年结转之和为 1，办理结果总计与结转下年度之和为 0，两者应相等", editor, StringComparison.Ordinal);
        foreach (var row in new[] { "newlyReceived", "carriedOver", "handledTotal", "carriedForward" })
        {
            Assert.Matches($"id=\"cell-applications-{row}-naturalPerson\"[^>]*aria-invalid=\"true\"|aria-invalid=\"true\"[^>]*id=\"cell-applications-{row}-naturalPerson\"", editor);
        }
    }

    [Fact]
    public async Task Input_that_is_not_a_number_is_refused_and_kept_in_the_form()
    {
        var (portal, organization, clerk) = await StartAsync(await databases.SharedAsync(TestProvider.Sqlite));
        await using var _ = portal;
        var id = await portal.CreateReportAsync(organization.Id, 2025);
        var cells = new Dictionary<(string, string, string), string?> { [(TableCodes.ReviewLitigation, "review", "upheld")] = "三件" };

        var refused = await clerk.PostAsync($"/clerk/reports/{id}/edit", DraftForms.Clean(0, cells));
        var html = await refused.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("value=\"三件\"", html, StringComparison.Ordinal);
        Assert.Contains("表四行政复议·结果维持：“三件”不是有效的数字，请只填写数字。", html, StringComparison.Ordinal);
        Assert.Contains(DraftForms.Overview, html, StringComparison.Ordinal);
        Assert.Equal(0, (await portal.ReportAsync(id)).Version);
    }

    [Theory]
    [SqliteData]
    [PostgresData]
    public async Task A_save_based_on_an_older_version_is_refused_instead_of_overwriting(TestProvider provider)
    {
        var (portal, organization, first) = await StartAsync(await databases.CreateAsync(provider));
        await using var _ = portal;
        var second = await portal.SignedInAsync(PortalRoles.Clerk, organization.Id);
        var id = await portal.CreateReportAsync(organization.Id, 2025);

        var firstSave = await first.PostAsync($"/clerk/reports/{id}/edit/save", DraftForms.Clean(0, signedBy: "第一位"), fetch: true);
        var secondSave = await second.PostAsync($"/clerk/reports/{id}/edit/save", DraftForms.Clean(0, signedBy: "第二位"), fetch: true);
        var secondPage = await second.PostAsync($"/clerk/reports/{id}/edit", DraftForms.Clean(0, signedBy: "第二位"));

        Assert.Equal(HttpStatusCode.OK, firstSave.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, secondSave.StatusCode);
        using var conflict = JsonDocument.Parse(await secondSave.Content.ReadAsStringAsync());
        Assert.StartsWith("该报告已被他人修改", conflict.RootElement.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, secondPage.StatusCode);
        var page = await secondPage.Content.ReadAsStringAsync();
        Assert.Contains("该报告已被他人修改", page, StringComparison.Ordinal);
        Assert.Contains("value=\"第二位\"", page, StringComparison.Ordinal);
        Assert.Equal("第一位", (await portal.ReportAsync(id)).SignedBy);
    }

    [Theory]
    [SqliteData]
    [PostgresData]
    public async Task Two_saves_racing_on_one_version_let_only_one_through(TestProvider provider)
    {
        var (portal, organization, _) = await StartAsync(await databases.CreateAsync(provider));
        await using var __ = portal;
        var id = await portal.CreateReportAsync(organization.Id, 2025);
        using var scope = portal.Services.CreateScope();
        var editor = scope.ServiceProvider.GetRequiredService<DraftEditor>();
        var db = scope.ServiceProvider.GetRequiredService<GovInfoDbContext>();
        var report = await db.Reports.Include(r => r.Organization).SingleAsync(r => r.Id == id);

        // Another clerk saves between our load and our save.
        await using (var other = portal.Database.CreateContext())
        {
            var copy = await other.Reports.SingleAsync(r => r.Id == id);
            copy.SignOff("另一位", portal.Time.GetUtcNow().UtcDateTime);
            await other.SaveChangesAsync();
        }

        var input = DraftInput.FromForm(new FormCollection(DraftForms.Clean(0, signedBy: "我们")
            .ToDictionary(f => f.Key, f => new StringValues(f.Value))), FormatDefinition.For(ReportFormat.Format2021));
        var outcome = await editor.SaveAsync(report, input, "test");

        Assert.Equal(DraftOutcomeKind.Conflict, outcome.Kind);
        Assert.Equal("另一位", (await portal.ReportAsync(id)).SignedBy);
    }

    [Theory]
    [SqliteData]
    [PostgresData]
    public async Task Submitting_needs_no_errors_an_explanation_per_warning_and_a_signatory_and_ends_editing(TestProvider provider)
    {
        var (portal, organization, clerk) = await StartAsync(await databases.CreateAsync(provider));
        await using var _ = portal;
        await portal.CreateReportAsync(organization.Id, 2024, (report, now) => report.UpdateTable(TableCodes.Applications,
            ReportTable.FromCells(CarriedForward2024.Select(c => ("carriedForward", c.Key, c.Value))), now));
        var id = await portal.CreateReportAsync(organization.Id, 2025);
        async Task<HttpResponseMessage> Submit() => await clerk.PostAsync($"/clerk/reports/{id}/preview/submit",
            ("version", (await portal.ReportAsync(id)).Version.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        async Task Save(List<KeyValuePair<string, string>> fields) =>
            Assert.Equal(HttpStatusCode.Redirect, (await clerk.PostAsync($"/clerk/reports/{id}/edit", fields)).StatusCode);

        await Save(DraftForms.Clean(0, DraftForms.Unbalanced));
        var withErrors = await Submit();

        // 0 carried over while last year carried 3 forward: a warning, in balance.
        await Save(DraftForms.Clean(1));
        var preview = await clerk.GetStringAsync($"/clerk/reports/{id}/preview");
        var unexplained = await Submit();

        var explained = DraftForms.Clean(2, signedBy: null);
        var warningKeys = new[] { "naturalPerson", "commercial", "total" }.Select(c => $"crossYear.carriedOver|applications|carriedOver|{c}");
        explained.AddRange(warningKeys.Select(key => new KeyValuePair<string, string>(DraftInput.ExplanationPrefix + key, "上年结转的申请已在上年办结，上年报告填报有误。")));
        await Save(explained);
        var unsigned = await Submit();

        var signed = DraftForms.Clean(3);
        signed.AddRange(warningKeys.Select(key => new KeyValuePair<string, string>(DraftInput.ExplanationPrefix + key, "上年结转的申请已在上年办结，上年报告填报有误。")));
        await Save(signed);
        var submitted = await Submit();

        Assert.Equal(HttpStatusCode.BadRequest, withErrors.StatusCode);
        Assert.Contains("还有 ", await withErrors.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("个错误，请改正后再提交。", await withErrors.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("还有 3 个警告未填写说明", preview, StringComparison.Ordinal);
        Assert.Contains("还有 3 个警告未填写说明", await unexplained.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("提交前请填写签发人。", await unsigned.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        var stored = await portal.ReportAsync(id);
        Assert.Equal(ReportStatus.Submitted, stored.Status);
        Assert.Equal(3, stored.WarningExplanations.ByKey.Count);
        Assert.Contains("报告已提交审核", await clerk.GetStringAsync("/clerk/reports"), StringComparison.Ordinal);

        var edit = await clerk.GetAsync($"/clerk/reports/{id}/edit");
        // The refusal shows as an error, with the way back, not in the green confirmation box.
        var refused = await clerk.GetStringAsync($"/clerk/reports/{id}/preview");
        Assert.Matches("<div class=\"form-errors\" role=\"alert\">\\s*<p>该报告当前状态为“已提交”，不能修改。</p>\\s*<p><a href=\"/clerk/reports\">返回我的报告</a></p>", refused);
        Assert.DoesNotContain("class=\"status-message\"", refused, StringComparison.Ordinal);
        var save = await clerk.PostAsync($"/clerk/reports/{id}/edit", DraftForms.Clean(stored.Version));
        var saveJson = await clerk.PostAsync($"/clerk/reports/{id}/edit/save", DraftForms.Clean(stored.Version), fetch: true);
        var import = await clerk.GetAsync($"/clerk/reports/{id}/import");
        var resubmit = await Submit();
        Assert.Equal(HttpStatusCode.Redirect, edit.StatusCode);
        Assert.Equal($"/clerk/reports/{id}/preview", edit.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Forbidden, save.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, saveJson.StatusCode);
        using (var refusal = JsonDocument.Parse(await saveJson.Content.ReadAsStringAsync()))
        {
            Assert.Equal("该报告当前状态为“已提交”，不能修改。", refusal.RootElement.GetProperty("message").GetString());
        }

        Assert.Equal(HttpStatusCode.Forbidden, import.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, resubmit.StatusCode);
        Assert.Equal(stored.Version, (await portal.ReportAsync(id)).Version);
    }

    [Fact]
    public async Task The_check_endpoint_answers_the_findings_of_what_is_typed_without_saving()
    {
        var (portal, organization, clerk) = await StartAsync(await databases.SharedAsync(TestProvider.Sqlite));
        await using var _ = portal;
        var id = await portal.CreateReportAsync(organization.Id, 2025);

        var response = await clerk.PostAsync($"/clerk/reports/{id}/edit/check", DraftForms.Clean(0, DraftForms.Unbalanced), fetch: true);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var balance = json.RootElement.GetProperty("findings").EnumerateArray().Single(f => f.GetProperty("rule").GetString() == "applications.balance" && f.GetProperty("message").GetString()!.StartsWith("表三·自然人", StringComparison.Ordinal));
        Assert.Equal(
            ["cell-applications-newlyReceived-naturalPerson", "cell-applications-carriedOver-naturalPerson", "cell-applications-handledTotal-naturalPerson", "cell-applications-carriedForward-naturalPerson"],
            balance.GetProperty("targets").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal("error", balance.GetProperty("severity").GetString());
        Assert.True(json.RootElement.GetProperty("errors").GetInt32() >= 1);
        Assert.Equal(0, (await portal.ReportAsync(id)).Version);
    }

    private static MultipartFormDataContent Upload(string json, int version, string token)
    {
        var content = FormPosts.Multipart(token, ("version", version.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(json));
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        content.Add(file, "file", "report.json");
        return content;
    }

    [Theory]
    [SqliteData]
    [PostgresData]
    public async Task Importing_a_document_replaces_the_draft_all_or_nothing(TestProvider provider)
    {
        var (portal, organization, clerk) = await StartAsync(await databases.CreateAsync(provider));
        await using var _ = portal;
        var id = await portal.CreateReportAsync(organization.Id, 2025, (report, now) =>
        {
            report.UpdateSections(new ReportSections("原有的总体情况", null, null), now);
            report.SignOff("李四", now);
        });
        var definition = FormatDefinition.For(ReportFormat.Format2021);
        ReportDocument Document(int year, string code) => new()
        {
            Organization = new OrganizationRef(organization.Name, code),
            Year = year,
            Format = ReportFormats.ForYear(year),
            Sections = new ReportSections("导入的总体情况", "无。", "无。"),
            ActiveDisclosure = ReportTable.FromCells(definition.ActiveDisclosure.Cells.Select(c => (c.Row.Code, c.Column.Code, (decimal?)0))),
            Applications = ReportTable.FromCells(definition.Applications.Cells.Select(c => (c.Row.Code, c.Column.Code, (decimal?)0))),
            ReviewLitigation = ReportTable.FromCells(definition.ReviewLitigation.Cells.Select(c => (c.Row.Code, c.Column.Code, (decimal?)(c.Column.Code == "upheld" || c.Column.Code == "total" ? 4 : 0)))),
        };
        async Task<(HttpStatusCode Status, string Html)> Import(string json)
        {
            var token = await clerk.TokenAsync($"/clerk/reports/{id}/import");
            var response = await clerk.Client.PostAsync($"/clerk/reports/{id}/import", Upload(json, (await portal.ReportAsync(id)).Version, token));
            return (response.StatusCode, await response.Content.ReadAsStringAsync());
        }

        var notJson = await Import("{ 这不是 JSON");
        var wrongShape = await Import(ReportDocumentWriter.Write(Document(2025, organization.Code!)).Replace("\"upheld\": 4", "\"upheld\": \"四\"", StringComparison.Ordinal));
        var wrongYear = await Import(ReportDocumentWriter.Write(Document(2024, organization.Code!)));
        var otherBody = await Import(ReportDocumentWriter.Write(Document(2025, "999999999")));
        var unchanged = await portal.ReportAsync(id);
        var imported = await Import(ReportDocumentWriter.Write(Document(2025, organization.Code!)));

        Assert.Equal(HttpStatusCode.BadRequest, notJson.Status);
        Assert.Contains("不是有效的 JSON 文档", notJson.Html, StringComparison.Ordinal);
        Assert.Contains("$.reviewLitigation.review.upheld", wrongShape.Html, StringComparison.Ordinal);
        Assert.Contains("文件是 2024 年度的报告，本报告是 2025 年度，未导入。", wrongYear.Html, StringComparison.Ordinal);
        Assert.Contains("（代码 999999999）不是本报告的机关", otherBody.Html, StringComparison.Ordinal);
        Assert.Equal(("原有的总体情况", 2), (unchanged.Sections.Overview, unchanged.Version));
        Assert.Equal(HttpStatusCode.Redirect, imported.Status);
        var stored = await portal.ReportAsync(id);
        Assert.Equal("导入的总体情况", stored.Sections.Overview);
        Assert.Equal(4m, stored.ReviewLitigation["review", "upheld"]);
        Assert.Equal("李四", stored.SignedBy);
        Assert.Contains("已导入文件中的报告内容", await clerk.GetStringAsync($"/clerk/reports/{id}/edit"), StringComparison.Ordinal);
    }
}
