using System.Net;
using System.Text.RegularExpressions;
using GovInfoPortal.Testing;

namespace GovInfoPortal.Web.Tests.Public;

/// <summary>The public pages on the demo data, on SQLite and PostgreSQL: what a citizen reads, and nothing unpublished.</summary>
public sealed partial class PublicPagesTests(DemoPortals portals) : IClassFixture<DemoPortals>
{
    private async Task<HttpClient> ClientAsync(TestProvider provider) => (await portals.GetAsync(provider)).CreateClient();

    [Theory, SqliteData, PostgresData]
    public async Task Home_shows_the_search_box_the_years_and_links_to_the_latest_reports(TestProvider provider)
    {
        var html = await (await ClientAsync(provider)).GetStringAsync("/");

        Assert.Contains("action=\"/search\"", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/reports?year=2023\">2023 年度</a>（1 份）", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/reports?year=2018\">2018 年度</a>（1 份）", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/reports/350505/2023\">泉州市泉港区人民政府</a>", html, StringComparison.Ordinal);
        Assert.DoesNotContain(DemoPortals.UnpublishedWord, html, StringComparison.Ordinal);
    }

    [Theory, SqliteData, PostgresData]
    public async Task Browsing_counts_published_reports_by_year_and_down_the_organization_tree(TestProvider provider)
    {
        var client = await ClientAsync(provider);

        var all = await client.GetStringAsync("/reports");
        Assert.Contains("全部机关 · 全部年度的年度报告（共 3 份）", all, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/reports?org=350500\">泉州市</a>", all, StringComparison.Ordinal);
        Assert.Matches(@"泉州市</a>\s*（3 份，含下级机关）", all);

        var jinjiang = await client.GetStringAsync("/reports?org=350582");
        Assert.Contains("晋江市 · 全部年度的年度报告（共 2 份）", jinjiang, StringComparison.Ordinal);
        Assert.Contains("晋江市青阳街道办事处", jinjiang, StringComparison.Ordinal);
        Assert.Contains("晋江市西园街道办事处", jinjiang, StringComparison.Ordinal);
        Assert.DoesNotContain("泉港区人民政府</a>", jinjiang, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/reports?org=350500\">泉州市</a>", jinjiang, StringComparison.Ordinal);

        var year2023 = await client.GetStringAsync("/reports?year=2023&org=350500");
        Assert.Contains("泉州市 · 2023年度的年度报告（共 1 份）", year2023, StringComparison.Ordinal);
        Assert.Matches(@"泉州市泉港区人民政府</a>\s*（1 份）", year2023);
        Assert.DoesNotContain(DemoPortals.UnpublishedWord, year2023, StringComparison.Ordinal);

        var draftOnly = await client.GetStringAsync($"/reports?org={DemoPortals.DraftCode}");
        Assert.Contains("（共 0 份）", draftOnly, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/reports?org=no-such-body")).StatusCode);
    }

    [Theory, SqliteData, PostgresData]
    public async Task A_report_reads_in_the_official_layout_with_its_six_parts_and_downloads(TestProvider provider)
    {
        var html = await (await ClientAsync(provider)).GetStringAsync("/reports/350505/2023");

        Assert.Contains("<title>泉港区2023年政府信息公开工作年度报告 - ", html, StringComparison.Ordinal);
        Assert.Contains("<h1 id=\"report-title\">泉港区2023年政府信息公开工作年度报告</h1>", html, StringComparison.Ordinal);
        var headings = HeadingsOfParts().Matches(html).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(["一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况", "四、政府信息公开行政复议、行政诉讼情况",
            "五、存在的主要问题及改进情况", "六、其他需要报告的事项"], headings);
        Assert.Contains("<a href=\"#part-3\">三、收到和处理政府信息公开申请情况</a>", html, StringComparison.Ordinal);

        // 表三's heading as printed: 申请人情况 over seven columns, 法人或其他组织 over five, the note over three rows.
        Assert.Matches("<th id=\"applications-group-applicants\" scope=\"colgroup\"\\s+colspan=\"7\"", html);
        Assert.Matches("<th id=\"applications-group-legalPersons\" scope=\"colgroup\"\\s+headers=\"applications-group-applicants\"\\s+colspan=\"5\"", html);
        Assert.Matches("<td class=\"official-note\" colspan=\"3\" rowspan=\"3\">（本列数据的勾稽关系为", html);
        Assert.Matches("<th id=\"applications-section-handling\" scope=\"rowgroup\"\\s+rowspan=\"", html);
        // Figures are tied to their headers: 表二 行政许可 1717, 表三 newlyReceived total 26.
        Assert.Contains("headers=\"activeDisclosure-block-licensing activeDisclosure-row-licensing activeDisclosure-col-licensing-decisions\" colspan=\"3\" data-cell=\"licensing.decisions\">1717</td>", html, StringComparison.Ordinal);
        Assert.Matches("data-cell=\"newlyReceived.total\">26</td>", html);

        foreach (var extension in new[] { "pdf", "docx", "xlsx", "csv", "json" })
        {
            Assert.Contains($"href=\"/reports/350505/2023.{extension}\"", html, StringComparison.Ordinal);
        }

        Assert.Contains("<meta property=\"og:title\" content=\"泉港区2023年政府信息公开工作年度报告\" />", html, StringComparison.Ordinal);
        Assert.Contains("<meta name=\"description\" content=\"泉州市泉港区人民政府2023年政府信息公开工作年度报告。【演示数据】", html, StringComparison.Ordinal);
        Assert.Contains("2024年1月10日 发布", html, StringComparison.Ordinal);
    }

    [Theory, SqliteData, PostgresData]
    public async Task A_legacy_report_shows_its_archived_document_and_headline_figures(TestProvider provider)
    {
        var html = await (await ClientAsync(provider)).GetStringAsync("/reports/350582001/2018");

        Assert.Contains("青阳街道2018年政府信息公开工作年度报告", html, StringComparison.Ordinal);
        Assert.Contains("存档文件：晋江市青阳街道办事处2018年政府信息公开工作年度报告.pdf", html, StringComparison.Ordinal);
        Assert.Matches(@"<th scope=""row"" class=""official-row-label"">主动公开文件数</th>\s*<td class=""figure"">158</td>", html);
        Assert.Contains("<div><dt>签发人</dt><dd>吴靖宇</dd></div>", html, StringComparison.Ordinal);
    }

    [Theory, SqliteData, PostgresData]
    public async Task Unpublished_and_unknown_reports_are_not_found_in_chinese(TestProvider provider)
    {
        var client = await ClientAsync(provider);
        foreach (var path in new[]
        {
            $"/reports/{DemoPortals.DraftCode}/2023", $"/reports/{DemoPortals.ApprovedCode}/2023", "/reports/350505/2022", "/reports/none/2023",
        })
        {
            var response = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Contains("页面不存在", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        var download = await client.GetAsync($"/reports/{DemoPortals.ApprovedCode}/2023.pdf");
        Assert.Equal(HttpStatusCode.NotFound, download.StatusCode);
        Assert.Contains("没有找到这份年度报告", await download.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var format = await client.GetAsync("/reports/350505/2023.exe");
        Assert.Equal(HttpStatusCode.NotFound, format.StatusCode);
        Assert.Contains("不提供“exe”格式的下载", await format.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory, SqliteData, PostgresData]
    public async Task Search_finds_names_and_text_marks_the_matches_and_never_shows_unpublished_reports(TestProvider provider)
    {
        var client = await ClientAsync(provider);

        var text = await client.GetStringAsync("/search?q=" + Uri.EscapeDataString("依申请公开"));
        Assert.Contains("<a href=\"/reports/350505/2023\">泉港区2023年政府信息公开工作年度报告</a>", text, StringComparison.Ordinal);
        Assert.Contains("<mark>依申请公开</mark>", text, StringComparison.Ordinal);
        Assert.DoesNotContain(DemoPortals.UnpublishedWord, text, StringComparison.Ordinal);

        var name = await client.GetStringAsync("/search?q=" + Uri.EscapeDataString("泉港"));
        Assert.Contains("<a href=\"/reports/350505/2023\"><mark>泉港</mark>区2023年政府信息公开工作年度报告</a>", name, StringComparison.Ordinal);
        Assert.Contains("找到 1 份报告", name, StringComparison.Ordinal);

        var twoCharacters = await client.GetStringAsync("/search?q=" + Uri.EscapeDataString("街道"));
        Assert.Contains("找到 2 份报告", twoCharacters, StringComparison.Ordinal);
        Assert.Contains("/reports/350582001/2018", twoCharacters, StringComparison.Ordinal);
        Assert.Contains("/reports/350582003/2020", twoCharacters, StringComparison.Ordinal);

        var filtered = await client.GetStringAsync("/search?q=" + Uri.EscapeDataString("街道") + "&year=2020&org=350582");
        Assert.Contains("找到 1 份报告", filtered, StringComparison.Ordinal);

        var unpublished = await client.GetStringAsync("/search?q=" + Uri.EscapeDataString(DemoPortals.UnpublishedWord));
        Assert.Contains("没有找到包含“鹦鹉螺”的已发布报告", unpublished, StringComparison.Ordinal);

        // Typed text comes back encoded, never as markup.
        var hostile = await client.GetStringAsync("/search?q=" + Uri.EscapeDataString("<script>泉港"));
        Assert.DoesNotContain("<script>泉港", hostile, StringComparison.Ordinal);
    }

    [Theory, SqliteData, PostgresData]
    public async Task The_statistics_page_draws_charts_with_tables_and_sums_published_reports_only(TestProvider provider)
    {
        var client = await ClientAsync(provider);

        var city = await client.GetStringAsync("/stats?org=350500&year=2023");
        Assert.Contains("<div id=\"chart-children-applications\" class=\"chart\" role=\"img\"", city, StringComparison.Ordinal);
        Assert.Contains("<caption id=\"chart-children-applications-table-caption\">2023年度各机关申请数量（数据表）</caption>", city, StringComparison.Ordinal);
        Assert.Contains("<script type=\"application/json\" id=\"chart-data\">", city, StringComparison.Ordinal);
        Assert.Contains("三、2023 年度合计（1 份报告）", city, StringComparison.Ordinal);
        Assert.Contains("data-cell=\"newlyReceived.total\">26</td>", city, StringComparison.Ordinal);
        Assert.DoesNotContain(DemoPortals.UnpublishedReceived.ToString(System.Globalization.CultureInfo.InvariantCulture), city, StringComparison.Ordinal);

        var district = await client.GetStringAsync("/stats?org=350505");
        Assert.Contains("<div id=\"chart-trend-outcomes\" class=\"chart\" role=\"img\"", district, StringComparison.Ordinal);
        Assert.Matches(@"<th scope=""row"">2023年</th>\s*<td class=""figure"">26</td>", district);
    }

    [GeneratedRegex("<h2 id=\"part-\\d\">([^<]+)</h2>")]
    private static partial Regex HeadingsOfParts();
}
