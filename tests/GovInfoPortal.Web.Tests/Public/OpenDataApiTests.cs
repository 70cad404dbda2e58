using System.Net;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using GovInfoPortal.Data.Seeding;
using GovInfoPortal.Core.Interchange;
using GovInfoPortal.Testing;

namespace GovInfoPortal.Web.Tests.Public;

/// <summary>The open-data API, the downloads, the feed and the sitemap as machines read them, on SQLite and PostgreSQL.</summary>
public sealed class OpenDataApiTests(DemoPortals portals) : IClassFixture<DemoPortals>
{
    private async Task<HttpClient> ClientAsync(TestProvider provider) => (await portals.GetAsync(provider)).CreateClient();

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.Clone();
    }

    [Theory, SqliteData, PostgresData]
    public async Task The_list_pages_and_filters_published_reports_with_their_links(TestProvider provider)
    {
        var client = await ClientAsync(provider);

        var all = await JsonAsync(await client.GetAsync("/api/v1/reports"));
        Assert.Equal(3, all.GetProperty("total").GetInt32());
        Assert.Equal(1, all.GetProperty("page").GetInt32());
        Assert.Equal(20, all.GetProperty("pageSize").GetInt32());
        var first = all.GetProperty("items")[0];
        Assert.Equal("泉州市泉港区人民政府", first.GetProperty("organization").GetProperty("name").GetString());
        Assert.Equal("350505", first.GetProperty("organization").GetProperty("code").GetString());
        Assert.Equal(2023, first.GetProperty("year").GetInt32());
        Assert.Equal("2021", first.GetProperty("format").GetString());
        Assert.Equal("2024-01-10", first.GetProperty("publishedOn").GetString());
        Assert.EndsWith("/reports/350505/2023", first.GetProperty("url").GetString(), StringComparison.Ordinal);
        Assert.EndsWith("/reports/350505/2023.json", first.GetProperty("downloads").GetProperty("json").GetString(), StringComparison.Ordinal);
        Assert.EndsWith("/reports/350505/2023.csv", first.GetProperty("downloads").GetProperty("csv").GetString(), StringComparison.Ordinal);

        var paged = await JsonAsync(await client.GetAsync("/api/v1/reports?page=2&pageSize=2"));
        Assert.Equal(1, paged.GetProperty("items").GetArrayLength());
        Assert.Equal(3, paged.GetProperty("total").GetInt32());

        var jinjiang = await JsonAsync(await client.GetAsync("/api/v1/reports?org=350582&year=2020"));
        Assert.Equal("晋江市西园街道办事处", Assert.Single(jinjiang.GetProperty("items").EnumerateArray()).GetProperty("organization").GetProperty("name").GetString());

        var searched = await JsonAsync(await client.GetAsync("/api/v1/reports?q=" + Uri.EscapeDataString("依申请公开")));
        Assert.Equal("350505", Assert.Single(searched.GetProperty("items").EnumerateArray()).GetProperty("organization").GetProperty("code").GetString());

        var unpublished = await JsonAsync(await client.GetAsync("/api/v1/reports?q=" + Uri.EscapeDataString(DemoPortals.UnpublishedWord)));
        Assert.Equal(0, unpublished.GetProperty("total").GetInt32());
        var draftBody = await JsonAsync(await client.GetAsync($"/api/v1/reports?org={DemoPortals.DraftCode}"));
        Assert.Equal(0, draftBody.GetProperty("total").GetInt32());
    }

    [Theory, SqliteData, PostgresData]
    public async Task Bad_parameters_get_a_problem_in_chinese(TestProvider provider)
    {
        var client = await ClientAsync(provider);

        var badPage = await client.GetAsync("/api/v1/reports?pageSize=1000");
        Assert.Equal(HttpStatusCode.BadRequest, badPage.StatusCode);
        Assert.Equal("application/problem+json", badPage.Content.Headers.ContentType?.MediaType);
        Assert.Contains("pageSize 应在 1 到 100 之间", (await JsonAsync(badPage)).GetProperty("detail").GetString(), StringComparison.Ordinal);

        var unknown = await client.GetAsync("/api/v1/reports?org=nobody");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType?.MediaType);

        var draft = await client.GetAsync($"/api/v1/reports/{DemoPortals.DraftCode}/2023");
        Assert.Equal(HttpStatusCode.NotFound, draft.StatusCode);
        Assert.Contains("已发布的报告", (await JsonAsync(draft)).GetProperty("detail").GetString(), StringComparison.Ordinal);

        var noYear = await client.GetAsync("/api/v1/stats");
        Assert.Equal(HttpStatusCode.BadRequest, noYear.StatusCode);
    }

    [Theory, SqliteData, PostgresData]
    public async Task A_report_is_its_interchange_document_and_validates_clean(TestProvider provider)
    {
        var client = await ClientAsync(provider);
        foreach (var demo in DemoDataSeeder.DemoReports())
        {
            var response = await client.GetAsync($"/api/v1/reports/{demo.Organization.Code}/{demo.Year}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
            var json = await response.Content.ReadAsStringAsync();
            var read = ReportDocumentReader.Read(json);
            Assert.True(read.Success, string.Join("; ", read.Errors));
            Assert.Equal(demo.Applications, read.Document!.Applications);
            Assert.Equal(demo.ActiveDisclosure, read.Document.ActiveDisclosure);
            Assert.Equal(demo.LegacyFigures, read.Document.LegacyFigures);

            var validation = await client.PostAsync("/api/v1/validate", new StringContent(json, Encoding.UTF8, "application/json"));
            Assert.Equal(HttpStatusCode.OK, validation.StatusCode);
            var result = await JsonAsync(validation);
            Assert.True(result.GetProperty("clean").GetBoolean(), json);
            Assert.Equal(0, result.GetProperty("findings").GetArrayLength());
        }
    }

    [Theory, SqliteData, PostgresData]
    public async Task Validate_reports_findings_and_names_the_paths_of_a_malformed_document(TestProvider provider)
    {
        var client = await ClientAsync(provider);
        var json = await client.GetStringAsync("/api/v1/reports/350505/2023");

        var wrongTotal = json.Replace("\"total\": 26", "\"total\": 27", StringComparison.Ordinal);
        var findings = await JsonAsync(await client.PostAsync("/api/v1/validate", new StringContent(wrongTotal, Encoding.UTF8, "application/json")));
        Assert.False(findings.GetProperty("clean").GetBoolean());
        var finding = findings.GetProperty("findings").EnumerateArray().First(f => f.GetProperty("rule").GetString() == "applications.rowTotal");
        Assert.Equal("error", finding.GetProperty("severity").GetString());
        Assert.Equal("applications", finding.GetProperty("table").GetString());
        Assert.Equal("newlyReceived", finding.GetProperty("row").GetString());
        Assert.Equal("total", finding.GetProperty("column").GetString());
        Assert.StartsWith("表三", finding.GetProperty("message").GetString(), StringComparison.Ordinal);

        var notJson = await client.PostAsync("/api/v1/validate", new StringContent("{ 不是 JSON", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, notJson.StatusCode);
        Assert.Equal("application/problem+json", notJson.Content.Headers.ContentType?.MediaType);
        Assert.Equal("$", (await JsonAsync(notJson)).GetProperty("errors")[0].GetProperty("path").GetString());

        var stringCell = json.Replace("\"total\": 26", "\"total\": \"二十六\"", StringComparison.Ordinal);
        var problem = await JsonAsync(await client.PostAsync("/api/v1/validate", new StringContent(stringCell, Encoding.UTF8, "application/json")));
        Assert.Contains(problem.GetProperty("errors").EnumerateArray(), e => e.GetProperty("path").GetString() == "$.applications.newlyReceived.total");
    }

    [Theory, SqliteData, PostgresData]
    public async Task Stats_sum_the_tables_of_a_subtree_from_published_reports_only(TestProvider provider)
    {
        var client = await ClientAsync(provider);

        var city = await JsonAsync(await client.GetAsync("/api/v1/stats?org=350500&year=2023"));
        Assert.Equal("泉州市", city.GetProperty("organization").GetProperty("name").GetString());
        Assert.Equal("2021", city.GetProperty("format").GetString());
        Assert.Equal(1, city.GetProperty("reports").GetInt32());
        var tables = city.GetProperty("tables");
        Assert.Equal(26, tables.GetProperty("applications").GetProperty("newlyReceived").GetProperty("total").GetDecimal());
        Assert.Equal(1717, tables.GetProperty("activeDisclosure").GetProperty("licensing").GetProperty("decisions").GetDecimal());
        Assert.True(tables.GetProperty("applications").GetProperty("denied").TryGetProperty("stateSecret", out _));
        Assert.True(tables.GetProperty("reviewLitigation").TryGetProperty("litigationDirect", out _));

        var jinjiang = await JsonAsync(await client.GetAsync("/api/v1/stats?org=350582&year=2023"));
        Assert.Equal(0, jinjiang.GetProperty("reports").GetInt32());
        Assert.Equal(JsonValueKind.Null, jinjiang.GetProperty("tables").GetProperty("applications").GetProperty("newlyReceived").GetProperty("total").ValueKind);

        var legacy = await JsonAsync(await client.GetAsync("/api/v1/stats?year=2018"));
        Assert.Equal("legacy", legacy.GetProperty("format").GetString());
        Assert.Empty(legacy.GetProperty("tables").EnumerateObject());
    }

    [Theory, SqliteData, PostgresData]
    public async Task Downloads_carry_the_chinese_file_name_and_the_renderers_content_type(TestProvider provider)
    {
        var client = await ClientAsync(provider);
        var expected = new Dictionary<string, string>
        {
            ["pdf"] = "application/pdf",
            ["docx"] = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            ["xlsx"] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            ["csv"] = "text/csv",
            ["json"] = "application/json",
        };
        foreach (var (extension, mediaType) in expected)
        {
            var response = await client.GetAsync($"/reports/350505/2023.{extension}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
            var disposition = response.Content.Headers.ContentDisposition ?? throw new Xunit.Sdk.XunitException("no Content-Disposition");
            Assert.Equal("attachment", disposition.DispositionType);
            Assert.Equal($"泉港区2023年政府信息公开工作年度报告.{extension}", disposition.FileNameStar);
            Assert.Equal($"350505-2023-annual-report.{extension}", disposition.FileName?.Trim('"'));
            Assert.NotEmpty(await response.Content.ReadAsByteArrayAsync());
        }

        var csv = await client.GetStringAsync("/reports/350505/2023.csv");
        Assert.StartsWith("机关,机关代码,年度,格式,表,表代码,行代码,行,列代码,列,数值", csv.TrimStart('\uFEFF'), StringComparison.Ordinal);
        Assert.Contains("泉州市泉港区人民政府,350505,2023,2021,表二 主动公开政府信息情况,activeDisclosure,licensing,第二十条第（五）项 行政许可,decisions,本年处理决定数量,1717", csv, StringComparison.Ordinal);

        var json = await client.GetStringAsync("/reports/350505/2023.json");
        Assert.Equal(await client.GetStringAsync("/api/v1/reports/350505/2023"), json);
    }

    [Theory, SqliteData, PostgresData]
    public async Task The_feed_and_the_sitemap_are_well_formed_and_list_published_reports_only(TestProvider provider)
    {
        var client = await ClientAsync(provider);
        XNamespace atom = "http://www.w3.org/2005/Atom";
        XNamespace sitemap = "http://www.sitemaps.org/schemas/sitemap/0.9";

        var feedResponse = await client.GetAsync("/feed.atom");
        Assert.Equal("application/atom+xml", feedResponse.Content.Headers.ContentType?.MediaType);
        var feed = XDocument.Parse(await feedResponse.Content.ReadAsStringAsync());
        var entries = feed.Root!.Elements(atom + "entry").ToList();
        Assert.Equal(3, entries.Count);
        Assert.Equal("泉港区2023年政府信息公开工作年度报告", entries[0].Element(atom + "title")!.Value);
        Assert.Equal("2024-01-10T00:00:00+08:00", entries[0].Element(atom + "updated")!.Value);
        Assert.All(entries, e => Assert.NotEmpty(e.Element(atom + "updated")!.Value));
        Assert.DoesNotContain(DemoPortals.UnpublishedWord, feed.ToString(), StringComparison.Ordinal);

        var index = XDocument.Parse(await client.GetStringAsync("/sitemap.xml"));
        var maps = index.Root!.Elements(sitemap + "sitemap").Select(s => new Uri(s.Element(sitemap + "loc")!.Value).PathAndQuery).ToList();
        Assert.Equal(["/sitemaps/pages.xml", "/sitemaps/reports-1.xml"], maps);
        var reportsText = await client.GetStringAsync("/sitemaps/reports-1.xml");
        var reports = XDocument.Parse(reportsText);
        var locations = reports.Root!.Elements(sitemap + "url").Select(u => new Uri(u.Element(sitemap + "loc")!.Value).PathAndQuery).Order().ToList();
        Assert.Equal(["/reports/350505/2023", "/reports/350582001/2018", "/reports/350582003/2020"], locations);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/sitemaps/reports-2.xml")).StatusCode);

        // Written to the response as the rows are read, in the bytes it had when it was buffered whole.
        Assert.Equal(string.Join("\n",
            "<?xml version=\"1.0\" encoding=\"utf-8\"?>",
            "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">",
            "  <url>", "    <loc>http://localhost/reports/350505/2023</loc>", "    <lastmod>2024-01-10</lastmod>", "  </url>",
            "  <url>", "    <loc>http://localhost/reports/350582001/2018</loc>", "    <lastmod>2019-01-01</lastmod>", "  </url>",
            "  <url>", "    <loc>http://localhost/reports/350582003/2020</loc>", "  </url>",
            "</urlset>"), reportsText.ReplaceLineEndings("\n"));

        var robots = await client.GetStringAsync("/robots.txt");
        Assert.Contains("/sitemap.xml", robots, StringComparison.Ordinal);
    }

    [Theory, SqliteData, PostgresData]
    public async Task The_openapi_document_describes_every_endpoint(TestProvider provider)
    {
        var client = await ClientAsync(provider);
        var document = await JsonAsync(await client.GetAsync("/openapi/v1.json"));
        var paths = document.GetProperty("paths");
        foreach (var path in new[] { "/api/v1/reports", "/api/v1/reports/{orgCode}/{year}", "/api/v1/stats", "/api/v1/validate" })
        {
            Assert.True(paths.TryGetProperty(path, out _), path);
        }

        Assert.False(paths.TryGetProperty("/feed.atom", out _));
        var page = await client.GetStringAsync("/api");
        Assert.Contains("applications.rowTotal", page, StringComparison.Ordinal);
        Assert.Contains("/openapi/v1.json", page, StringComparison.Ordinal);
    }
}
