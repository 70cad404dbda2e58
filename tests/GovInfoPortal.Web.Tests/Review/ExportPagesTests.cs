using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using GovInfoPortal.Data.Accounts;
using GovInfoPortal.Data.Exports;
using GovInfoPortal.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GovInfoPortal.Web.Tests.Review;

/// <summary>The export pages (/review/exports): asking for a ZIP, following it, downloading it, and who may.</summary>
public sealed class ExportPagesTests(DatabaseFixture databases) : IClassFixture<DatabaseFixture>
{
    private static Task<HttpResponseMessage> RequestAsync(HttpClient client, int organizationId, string year) =>
        FormPosts.PostFormAsync(client, "/review/exports",
            ("org", organizationId.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("year", year));

    private static async Task<JsonElement> StatusAsync(HttpClient client)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/review/exports?handler=status");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    [Theory]
    [SqliteData]
    [PostgresData]
    public async Task A_reviewer_asks_for_the_pdfs_of_a_year_follows_the_progress_and_downloads_the_zip(TestProvider provider)
    {
        var database = await databases.CreateAsync(provider);
        var tree = await ReviewTestData.SeedAsync(database);
        await using var portal = new ReviewPortal(database);
        var client = await portal.CityReviewerAsync(tree);

        var posted = await RequestAsync(client, tree.City, "2023");
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var page = await client.GetStringAsync("/review/exports");
        Assert.Contains("已提交导出", page, StringComparison.Ordinal);
        Assert.Contains($"<span class=\"export-scope\">{tree.CityName} 2023 年度</span>", page, StringComparison.Ordinal);
        Assert.Contains("<option value=\"2023\" selected=\"selected\">", page, StringComparison.Ordinal);

        await using var db = database.CreateContext();
        var id = await db.ExportJobs.Where(j => j.ScopeOrganizationId == tree.City).Select(j => j.Id).SingleAsync();
        var job = await ExportWorkerTests.FinishedAsync(database, id);
        Assert.Equal(ExportJobStatus.Completed, job.Status);

        var status = (await StatusAsync(client)).GetProperty("jobs").EnumerateArray().Single();
        Assert.Equal("completed", status.GetProperty("status").GetString());
        Assert.Equal(100, status.GetProperty("percent").GetInt32());
        Assert.Equal(3, status.GetProperty("total").GetInt32());
        Assert.Equal("已完成：共 3 份（100%）", status.GetProperty("text").GetString());
        var url = status.GetProperty("downloadUrl").GetString();
        Assert.Equal($"/review/exports/{id}/download", url);

        var download = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/zip", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal($"{tree.CityName}2023年政府信息公开工作年度报告（PDF）.zip", download.Content.Headers.ContentDisposition!.FileNameStar);
        var whole = await download.Content.ReadAsByteArrayAsync();
        Assert.Equal(job.ResultSize, whole.LongLength);
        Assert.Contains("bytes", download.Headers.AcceptRanges);

        // An interrupted download resumes where it stopped: the rest of the file, from the file on disk.
        using var resume = new HttpRequestMessage(HttpMethod.Get, url);
        resume.Headers.Range = new RangeHeaderValue(100, null);
        using var rest = await client.SendAsync(resume);
        Assert.Equal(HttpStatusCode.PartialContent, rest.StatusCode);
        Assert.Equal(whole[100..], await rest.Content.ReadAsByteArrayAsync());
        Assert.Equal($"bytes 100-{whole.Length - 1}/{whole.Length}", rest.Content.Headers.ContentRange!.ToString());

        var again = await client.GetStringAsync("/review/exports");
        Assert.Contains($"href=\"{url}\"", again, StringComparison.Ordinal);
        Assert.Contains("<progress max=\"3\" value=\"3\"></progress>", again, StringComparison.Ordinal);
    }

    [Theory]
    [SqliteData]
    public async Task A_request_with_nothing_to_export_is_refused_with_a_reason_and_keeps_the_choice(TestProvider provider)
    {
        var database = await databases.CreateAsync(provider);
        var tree = await ReviewTestData.SeedAsync(database);
        await using var portal = new ReviewPortal(database, runWorker: false);
        var client = await portal.CityReviewerAsync(tree);

        var response = await RequestAsync(client, tree.DistrictB, "2015");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("没有已发布的 2015 年度报告，无需导出。", html, StringComparison.Ordinal);
        Assert.Contains($"<option value=\"{tree.DistrictB}\" selected=\"selected\">", html, StringComparison.Ordinal);
        Assert.Contains("<option value=\"2015\" selected=\"selected\">", html, StringComparison.Ordinal);
        var invalid = await (await RequestAsync(client, tree.DistrictB, "二〇二三")).Content.ReadAsStringAsync();
        Assert.Contains("请选择有效的年度。", invalid, StringComparison.Ordinal);
        await using var db = database.CreateContext();
        Assert.Equal(0, await db.ExportJobs.CountAsync());
    }

    [Theory]
    [SqliteData]
    public async Task A_failed_export_shows_its_reason_and_offers_no_download(TestProvider provider)
    {
        var database = await databases.CreateAsync(provider);
        var tree = await ReviewTestData.SeedAsync(database);
        await using var portal = new ReviewPortal(database, runWorker: false);
        var client = await portal.CityReviewerAsync(tree);
        Assert.Equal(HttpStatusCode.Redirect, (await RequestAsync(client, tree.City, "2023")).StatusCode);
        await using (var db = database.CreateContext())
        {
            var queue = new ExportJobQueue(db, TimeProvider.System);
            var id = await db.ExportJobs.Select(j => j.Id).SingleAsync();
            var claim = await queue.TryClaimAsync(id, "failing-instance", TimeSpan.FromMinutes(2), 3);
            Assert.True(await queue.FailAsync(claim!, Exports.ExportWorker.BuildFailed));
        }

        var page = await client.GetStringAsync("/review/exports");
        var status = (await StatusAsync(client)).GetProperty("jobs").EnumerateArray().Single();

        Assert.Contains($"<span class=\"export-failed\">{Exports.ExportWorker.BuildFailed}</span>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("下载 ZIP", page, StringComparison.Ordinal);
        Assert.Equal("failed", status.GetProperty("status").GetString());
        Assert.False(status.GetProperty("active").GetBoolean());
        Assert.Equal(JsonValueKind.Null, status.GetProperty("downloadUrl").ValueKind);
    }

    [Theory]
    [SqliteData]
    [PostgresData]
    public async Task Only_reviewers_of_the_subtree_may_ask_for_an_export_or_download_it(TestProvider provider)
    {
        var database = await databases.CreateAsync(provider);
        var tree = await ReviewTestData.SeedAsync(database);
        await using var portal = new ReviewPortal(database, runWorker: false);
        await portal.CreateUserAsync($"district-{tree.Unique}", PortalRoles.Reviewer, tree.DistrictB);
        await portal.CreateUserAsync($"clerk-{tree.Unique}", PortalRoles.Clerk, tree.DistrictA);
        await portal.CreateUserAsync($"admin-{tree.Unique}", PortalRoles.Admin, null);
        var reviewer = await portal.CityReviewerAsync(tree);
        Assert.Equal(HttpStatusCode.Redirect, (await RequestAsync(reviewer, tree.DistrictA, "2023")).StatusCode);
        await using (var db = database.CreateContext())
        {
            var id = await db.ExportJobs.Select(j => j.Id).SingleAsync();
            await portal.Services.GetRequiredService<Exports.ExportWorker>().RunOnceAsync(CancellationToken.None);
            var download = $"/review/exports/{id}/download";

            Assert.Equal(HttpStatusCode.OK, (await reviewer.GetAsync(download)).StatusCode);
            var admin = await portal.SignedInAsync($"admin-{tree.Unique}");
            Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync(download)).StatusCode);

            var district = await portal.SignedInAsync($"district-{tree.Unique}");
            Assert.StartsWith("/account/denied", (await district.GetAsync(download)).Headers.Location!.PathAndQuery, StringComparison.Ordinal);
            Assert.StartsWith("/account/denied", (await RequestAsync(district, tree.DistrictA, "2023")).Headers.Location!.PathAndQuery, StringComparison.Ordinal);
            Assert.DoesNotContain("甲区", await district.GetStringAsync("/review/exports"), StringComparison.Ordinal);

            var clerk = await portal.SignedInAsync($"clerk-{tree.Unique}");
            Assert.StartsWith("/account/denied", (await clerk.GetAsync("/review/exports")).Headers.Location!.PathAndQuery, StringComparison.Ordinal);
            Assert.StartsWith("/account/denied", (await clerk.GetAsync(download)).Headers.Location!.PathAndQuery, StringComparison.Ordinal);

            var anonymous = portal.Client();
            Assert.StartsWith("/account/login", (await anonymous.GetAsync("/review/exports")).Headers.Location!.PathAndQuery, StringComparison.Ordinal);
            Assert.StartsWith("/account/login", (await anonymous.GetAsync(download)).Headers.Location!.PathAndQuery, StringComparison.Ordinal);
            using var json = new HttpRequestMessage(HttpMethod.Get, "/review/exports?handler=status");
            json.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
            Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.SendAsync(json)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await reviewer.GetAsync("/review/exports/999999/download")).StatusCode);
        }

        await using var check = database.CreateContext();
        Assert.Equal(1, await check.ExportJobs.CountAsync());
    }
}
