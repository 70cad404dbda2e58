using System.Net;
using GovInfoPortal.Core.Domain;
using GovInfoPortal.Testing;

namespace GovInfoPortal.Web.Tests.Public;

/// <summary>A corrected report: the public page lists every earlier version with the date and reason of its correction.</summary>
public sealed class CorrectionHistoryTests(DatabaseFixture databases) : IClassFixture<DatabaseFixture>
{
    [Theory, SqliteData, PostgresData]
    public async Task A_corrected_report_shows_its_earlier_version_with_the_date_and_reason(TestProvider provider)
    {
        var database = await databases.SharedAsync(provider);
        var code = DatabaseFixture.Unique("COR");
        var now = DateTime.UtcNow;
        await using (var db = database.CreateContext())
        {
            var organization = new Organization($"更正测试局{code}", code, OrganizationKind.Department);
            db.Organizations.Add(organization);
            var report = AnnualReport.Start(organization, 2023, now);
            report.UpdateSections(new ReportSections("第一版的总体情况写错了字。", "问题。", "事项。"), now);
            report.SignOff("张三", now);
            report.SubmitWithoutChecks(now);
            report.Approve(now);
            report.Publish(new DateOnly(2024, 1, 15), secrecyReviewConfirmed: true, Actor.System, now);
            db.Reports.Add(report);
            await db.SaveWithPathsAsync();

            var correction = report.OpenCorrection("更正总体情况中的错字", Actor.System, now);
            correction.UpdateSections(new ReportSections("第二版的总体情况已经更正。", "问题。", "事项。"), now);
            correction.SubmitWithoutChecks(now);
            report.Approve(now);
            report.Publish(new DateOnly(2024, 2, 1), secrecyReviewConfirmed: true, Actor.System, now);
            await db.SaveChangesAsync();
        }

        await using var portal = new PortalFactory(database, demo: false);
        var client = portal.CreateClient();

        var current = await client.GetStringAsync($"/reports/{code}/2023");
        Assert.Contains("第二版的总体情况已经更正。", current, StringComparison.Ordinal);
        Assert.Contains("<strong>第 2 版（现行）</strong>：2024年2月1日 发布", current, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"/reports/{code}/2023/versions/1\">第 1 版</a>：2024年1月15日 发布，2024年2月1日 更正。更正原因：更正总体情况中的错字", current, StringComparison.Ordinal);

        var earlier = await client.GetStringAsync($"/reports/{code}/2023/versions/1");
        Assert.Contains("第一版的总体情况写错了字。", earlier, StringComparison.Ordinal);
        Assert.Contains("已被更正的第 1 版", earlier, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"/reports/{code}/2023\">查看现行的第 2 版</a>", earlier, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/reports/{code}/2023/versions/2")).StatusCode);

        // Search follows the published content: the corrected text is found, the replaced text is not.
        Assert.Contains($"/reports/{code}/2023", await client.GetStringAsync("/search?q=" + Uri.EscapeDataString("第二版的总体情况")), StringComparison.Ordinal);
        Assert.DoesNotContain($"/reports/{code}/2023", await client.GetStringAsync("/search?q=" + Uri.EscapeDataString("写错了字")), StringComparison.Ordinal);
    }
}
