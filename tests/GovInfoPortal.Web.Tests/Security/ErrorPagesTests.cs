using System.Net;
using System.Text.Json;
using GovInfoPortal.Core.Domain;
using GovInfoPortal.Data.Accounts;
using GovInfoPortal.Testing;
using Microsoft.EntityFrameworkCore;

namespace GovInfoPortal.Web.Tests.Security;

/// <summary>
/// A fault inside the portal (here: a report row the portal cannot read) and a refusal from a page: outside
/// Development the user reads a zh-CN page without a trace of the code, the API answers problem+json.
/// </summary>
public sealed class ErrorPagesTests(DatabaseFixture databases) : IClassFixture<DatabaseFixture>
{
    private static readonly string[] CodeTraces = ["Exception", "   at ", "GovInfoPortal.", "System.", ".cs:line"];

    private static void AssertNoTrace(string body)
    {
        foreach (var trace in CodeTraces)
        {
            Assert.DoesNotContain(trace, body, StringComparison.Ordinal);
        }
    }

    [Theory]
    [SqliteData]
    public async Task A_fault_is_a_chinese_500_page_and_problem_json_without_a_stack_trace(TestProvider provider)
    {
        await using var portal = new ClerkPortal(await databases.CreateAsync(provider), demo: false);
        var street = await portal.CreateOrganizationAsync("出错测试街道");
        var id = await portal.CreateReportAsync(street.Id, 2024, (report, now) =>
        {
            report.UpdateSections(new ReportSections("总体情况。", "问题。", "事项。"), now);
            report.SignOff("张三", now);
            report.SubmitWithoutChecks(now);
            report.Approve(now);
            report.Publish(new DateOnly(2025, 1, 15), secrecyReviewConfirmed: true, Actor.System, now);
        });
        var anonymous = portal.Session();

        // Broken before anyone reads it, so no cached copy of the page stands in for the fault.
        await using (var db = portal.Database.CreateContext())
        {
            await db.Database.ExecuteSqlRawAsync("UPDATE \"AnnualReports\" SET \"Applications\" = {0} WHERE \"Id\" = {1}", "{ not json", id);
        }

        using var page = await anonymous.GetAsync($"/reports/{street.Code}/2024");
        Assert.Equal(HttpStatusCode.InternalServerError, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("<html lang=\"zh-CN\"", html, StringComparison.Ordinal);
        Assert.Contains("服务器处理请求时出错，请稍后再试。", html, StringComparison.Ordinal);
        AssertNoTrace(html);

        using var api = await anonymous.GetAsync($"/api/v1/reports/{street.Code}/2024");
        Assert.Equal(HttpStatusCode.InternalServerError, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
        var body = await api.Content.ReadAsStringAsync();
        using (var problem = JsonDocument.Parse(body))
        {
            Assert.Equal("服务器出错", problem.RootElement.GetProperty("title").GetString());
            Assert.Equal(500, problem.RootElement.GetProperty("status").GetInt32());
        }

        AssertNoTrace(body);

        // The rest of the portal still serves.
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/")).StatusCode);
    }

    [Theory]
    [SqliteData]
    public async Task A_refusal_from_a_page_is_a_chinese_403_page(TestProvider provider)
    {
        await using var portal = new ClerkPortal(await databases.CreateAsync(provider), demo: false);
        var street = await portal.CreateOrganizationAsync("拒绝测试街道");
        var id = await portal.CreateReportAsync(street.Id, 2025);
        var admin = await portal.SignedInAsync(PortalRoles.Admin, null);

        // An admin reads drafts but does not edit them: the editor answers 403 through the error page.
        using var page = await admin.GetAsync($"/clerk/reports/{id}/edit");
        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("<html lang=\"zh-CN\"", html, StringComparison.Ordinal);
        Assert.Contains("没有访问权限", html, StringComparison.Ordinal);
        AssertNoTrace(html);
    }
}
