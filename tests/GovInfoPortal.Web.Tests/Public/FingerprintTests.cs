using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using GovInfoPortal.Core.Domain;
using GovInfoPortal.Core.Interchange;
using GovInfoPortal.Data.Fingerprints;
using GovInfoPortal.Testing;
using Microsoft.EntityFrameworkCore;

namespace GovInfoPortal.Web.Tests.Public;

/// <summary>
/// One version everywhere: a corrected report's fingerprints on its pages, in the API, its body's feed and snippet;
/// its downloads verified by the API and changed ones refused; its alias address redirected to the canonical one.
/// </summary>
public sealed class FingerprintTests(DatabaseFixture databases) : IClassFixture<DatabaseFixture>
{
    private const int NaturalPersons = 26;

    /// <summary>A body's 2023 report published, then corrected (one figure changed): version 2 is current.</summary>
    private static async Task<(string Code, int OrganizationId, AnnualReport Report)> CorrectedAsync(TestDatabase database)
    {
        var code = DatabaseFixture.Unique("FP");
        var now = DateTime.UtcNow;
        await using var db = database.CreateContext();
        var organization = new Organization($"指纹测试局{code}", code, OrganizationKind.Department);
        db.Organizations.Add(organization);
        var report = AnnualReport.Start(organization, 2023, now);
        report.UpdateSections(new ReportSections("本年度总体情况。\n第二段。", "问题。", "事项。"), now);
        report.UpdateTable("applications", ReportTable.Empty.With("newlyReceived", "naturalPerson", NaturalPersons), now);
        report.SignOff("张三", now);
        report.SubmitWithoutChecks(now);
        report.Approve(now);
        report.Publish(new DateOnly(2024, 1, 15), secrecyReviewConfirmed: true, Actor.System, now);
        db.Reports.Add(report);
        await db.SaveWithPathsAsync();

        var correction = report.OpenCorrection("更正申请数", Actor.System, now);
        correction.UpdateTable("applications", ReportTable.Empty.With("newlyReceived", "naturalPerson", NaturalPersons + 1), now);
        correction.SubmitWithoutChecks(now);
        report.Approve(now);
        report.Publish(new DateOnly(2024, 2, 1), secrecyReviewConfirmed: true, Actor.System, now);
        await db.SaveChangesAsync();
        return (code, organization.Id, report);
    }

    private static async Task<JsonElement> VerifyAsync(HttpClient client, byte[] content, string mediaType)
    {
        var body = new ByteArrayContent(content);
        body.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        var response = await client.PostAsync("/api/v1/verify", body);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    [Theory, SqliteData, PostgresData]
    public async Task A_corrected_report_shows_each_versions_fingerprint_and_its_downloads_verify(TestProvider provider)
    {
        var database = await databases.SharedAsync(provider);
        var (code, organizationId, report) = await CorrectedAsync(database);
        string first;
        await using (var db = database.CreateContext())
        {
            first = (await db.ReportRevisions.SingleAsync(v => v.ReportId == report.Id)).Fingerprint!;
        }

        var current = report.Fingerprint!;
        Assert.True(ReportFingerprint.IsWellFormed(current));
        Assert.True(ReportFingerprint.IsWellFormed(first));
        Assert.NotEqual(first, current);

        await using var portal = new PortalFactory(database, demo: false);
        var client = portal.CreateClient(new() { AllowAutoRedirect = false });

        // The pages: each version's fingerprint and its canonical address.
        var page = await client.GetStringAsync($"/reports/{code}/2023");
        Assert.Contains($"<code class=\"fingerprint\">{current}</code>", page, StringComparison.Ordinal);
        Assert.Contains($"<link rel=\"canonical\" href=\"http://localhost/reports/{code}/2023\" />", page, StringComparison.Ordinal);
        var earlier = await client.GetStringAsync($"/reports/{code}/2023/versions/1");
        Assert.Contains($"<code class=\"fingerprint\">{first}</code>", earlier, StringComparison.Ordinal);
        Assert.Contains($"<link rel=\"canonical\" href=\"http://localhost/reports/{code}/2023/versions/1\" />", earlier, StringComparison.Ordinal);

        // The alias address of the body (its id) redirects to the canonical one.
        var alias = await client.GetAsync($"/reports/org-{organizationId}/2023");
        Assert.Equal(HttpStatusCode.MovedPermanently, alias.StatusCode);
        Assert.Equal($"/reports/{code}/2023", alias.Headers.Location?.OriginalString);

        // The API: the report's document and its list item.
        var api = await client.GetStringAsync($"/api/v1/reports/{code}/2023");
        Assert.Equal(current, JsonDocument.Parse(api).RootElement.GetProperty("fingerprint").GetString());
        var list = JsonDocument.Parse(await client.GetStringAsync($"/api/v1/reports?org={code}")).RootElement.GetProperty("items")[0];
        Assert.Equal(current, list.GetProperty("fingerprint").GetString());
        Assert.Equal(2, list.GetProperty("version").GetInt32());

        // The JSON download verifies, also re-saved with other whitespace; one figure changed does not.
        var json = await client.GetByteArrayAsync($"/reports/{code}/2023.json");
        var verified = await VerifyAsync(client, json, "application/json");
        Assert.True(verified.GetProperty("verified").GetBoolean());
        Assert.Equal(2, verified.GetProperty("version").GetInt32());
        Assert.True(verified.GetProperty("current").GetBoolean());
        Assert.Equal(2023, verified.GetProperty("year").GetInt32());
        Assert.Equal(code, verified.GetProperty("organization").GetProperty("code").GetString());
        Assert.Equal(current, verified.GetProperty("fingerprint").GetString());

        var document = ReportDocumentReader.Read(json.AsMemory()).Document!;
        Assert.Equal(current, ReportFingerprint.Of(document));
        var resaved = Encoding.UTF8.GetBytes(ReportDocumentWriter.Write(document, indented: false));
        Assert.True((await VerifyAsync(client, resaved, "application/json")).GetProperty("verified").GetBoolean());

        var changed = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(json)
            .Replace($"\"naturalPerson\": {NaturalPersons + 1},", $"\"naturalPerson\": {NaturalPersons + 2},", StringComparison.Ordinal));
        var refused = await VerifyAsync(client, changed, "application/json");
        Assert.False(refused.GetProperty("verified").GetBoolean());
        Assert.Equal("changed", refused.GetProperty("outcome").GetString());

        // The first version, as it was published, verifies as the earlier, not current, version.
        await using (var db = database.CreateContext())
        {
            var revision = await db.ReportRevisions.SingleAsync(v => v.ReportId == report.Id);
            var old = await VerifyAsync(client, Encoding.UTF8.GetBytes(ReportDocumentWriter.Write(revision.Document())), "application/json");
            Assert.True(old.GetProperty("verified").GetBoolean());
            Assert.Equal(1, old.GetProperty("version").GetInt32());
            Assert.False(old.GetProperty("current").GetBoolean());
        }

        // The PDF download verifies; the same bytes with one altered do not, though they still name the version.
        var pdf = await client.GetByteArrayAsync($"/reports/{code}/2023.pdf");
        Assert.True((await VerifyAsync(client, pdf, "application/pdf")).GetProperty("verified").GetBoolean());
        pdf[pdf.Length / 2] ^= 0x01;
        var altered = await VerifyAsync(client, pdf, "application/pdf");
        Assert.False(altered.GetProperty("verified").GetBoolean());
        Assert.Equal("changed", altered.GetProperty("outcome").GetString());

        // Garbage: a problem in Chinese.
        var garbage = await client.PostAsync("/api/v1/verify", new StringContent("这不是报告", Encoding.UTF8, "text/plain"));
        Assert.Equal(HttpStatusCode.BadRequest, garbage.StatusCode);
        Assert.Equal("application/problem+json", garbage.Content.Headers.ContentType?.MediaType);
        Assert.Contains("无法识别的文件", await garbage.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory, SqliteData, PostgresData]
    public async Task The_bodys_feed_and_snippet_list_its_reports_with_current_versions_and_no_script(TestProvider provider)
    {
        var database = await databases.SharedAsync(provider);
        var (code, _, report) = await CorrectedAsync(database);
        await using var portal = new PortalFactory(database, demo: false);
        var client = portal.CreateClient();
        var shortForm = ReportFingerprint.Short(report.Fingerprint!);

        var feed = await client.GetAsync($"/reports/{code}/feed.atom");
        Assert.Equal("application/atom+xml", feed.Content.Headers.ContentType?.MediaType);
        var atom = await feed.Content.ReadAsStringAsync();
        Assert.Contains($"<id>http://localhost/reports/{code}/2023</id>", atom, StringComparison.Ordinal);
        Assert.Contains($"现行第 2 版，内容指纹（SHA-256）{report.Fingerprint}", atom, StringComparison.Ordinal);

        var snippet = await client.GetAsync($"/reports/{code}/snippet.html");
        Assert.Equal("text/html", snippet.Content.Headers.ContentType?.MediaType);
        var html = await snippet.Content.ReadAsStringAsync();
        Assert.StartsWith("<ul class=\"govinfo-reports\">", html, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"http://localhost/reports/{code}/2023\">", html, StringComparison.Ordinal);
        Assert.Contains($"2023 年度，第 2 版，2024年2月1日发布，内容指纹 <abbr title=\"SHA-256 {report.Fingerprint}\">{shortForm}</abbr>", html, StringComparison.Ordinal);

        var page = await client.GetStringAsync($"/reports/{code}/snippet");
        Assert.Contains("readonly", page, StringComparison.Ordinal);
        Assert.Contains("复制", page, StringComparison.Ordinal);
        Assert.Contains(WebUtility.HtmlEncode(html.Trim()).Split('\n')[0], page, StringComparison.Ordinal);

        foreach (var text in new[] { atom, html })
        {
            Assert.DoesNotContain("<script", text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("<iframe", text, StringComparison.OrdinalIgnoreCase);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/reports/NO-SUCH-BODY/feed.atom")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/reports/NO-SUCH-BODY/snippet.html")).StatusCode);
    }

    [Theory, SqliteData]
    public async Task A_resave_keeps_the_fingerprint_and_the_backfill_takes_the_same_one(TestProvider provider)
    {
        var database = await databases.SharedAsync(provider);
        var (_, _, published) = await CorrectedAsync(database);
        await using var db = database.CreateContext();

        // Saved again with no change: the content gives the same fingerprint.
        var report = await db.Reports.Include(r => r.Organization).ThenInclude(o => o.Parent).SingleAsync(r => r.Id == published.Id);
        db.Entry(report).State = EntityState.Modified;
        await db.SaveChangesAsync();
        await db.Entry(report).ReloadAsync();
        Assert.Equal(published.Fingerprint, report.Fingerprint);
        Assert.Equal(published.Fingerprint, ReportFingerprint.Of(ReportDocument.FromReport(report)));

        // Stored before fingerprints were: the backfill takes the same fingerprint for both versions.
        var first = (await db.ReportRevisions.AsNoTracking().SingleAsync(v => v.ReportId == published.Id)).Fingerprint;
        await db.Reports.Where(r => r.Id == published.Id).ExecuteUpdateAsync(s => s.SetProperty(r => r.Fingerprint, (string?)null));
        await db.Database.ExecuteSqlRawAsync("UPDATE \"ReportRevisions\" SET \"Fingerprint\" = NULL WHERE \"ReportId\" = {0}", published.Id);
        await PublishedVersions.EnsureFingerprintsAsync(db);

        Assert.Equal(published.Fingerprint, await db.Reports.Where(r => r.Id == published.Id).Select(r => r.Fingerprint).SingleAsync());
        Assert.Equal(first, await db.ReportRevisions.Where(v => v.ReportId == published.Id).Select(v => v.Fingerprint).SingleAsync());
    }
}
