using System.Net;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using GovInfoPortal.Data.Seeding;
using GovInfoPortal.Testing;
using GovInfoPortal.Web.Caching;
using Microsoft.AspNetCore.Http;

namespace GovInfoPortal.Web.Tests.Public;

/// <summary>One portal per provider on the demo with its synthetic history, as the first start holds it.</summary>
public sealed class HistoryPortals : IAsyncLifetime
{
    private readonly DatabaseFixture _databases = new();
    private readonly System.Collections.Concurrent.ConcurrentDictionary<TestProvider, Lazy<Task<PortalFactory>>> _portals = new();

    public Task<PortalFactory> GetAsync(TestProvider provider) =>
        _portals.GetOrAdd(provider, p => new Lazy<Task<PortalFactory>>(async () =>
        {
            var portal = new PortalFactory(await _databases.CreateAsync(p, migrate: false), demo: true, demoHistory: true);
            portal.CreateClient().Dispose();
            return portal;
        })).Value;

    public Task InitializeAsync() => _databases.InitializeAsync();

    public async Task DisposeAsync()
    {
        foreach (var portal in _portals.Values.Where(p => p.IsValueCreated))
        {
            await (await portal.Value).DisposeAsync();
        }

        await _databases.DisposeAsync();
    }
}

/// <summary>The 图解 page and its downloads on the demo with its history: 泉港区 2023 (published figures) against the demo's 2022.</summary>
public sealed partial class GraphicPagesTests(HistoryPortals portals) : IClassFixture<HistoryPortals>
{
    private async Task<HttpClient> ClientAsync(TestProvider provider) => (await portals.GetAsync(provider)).CreateClient();

    private static decimal Last(string row) =>
        DemoDataSeeder.HistoryReports().Single(d => d.Organization.Code == "350505" && d.Year == 2022).Applications[row, "total"]!.Value;

    private static string Row(string label, params string[] cells) =>
        $@"<th scope=""row"">{Regex.Escape(label)}</th>\s*" + string.Join(@"\s*", cells.Select(c => $@"<td class=""figure"">{Regex.Escape(c)}</td>"));

    private static string Signed(decimal change) => change > 0 ? $"+{change}" : change < 0 ? $"-{-change}" : "0";

    [Theory, SqliteData, PostgresData]
    public async Task The_graphic_shows_the_reports_figures_and_the_change_against_last_year(TestProvider provider)
    {
        var client = await ClientAsync(provider);
        var html = WebUtility.HtmlDecode(await client.GetStringAsync("/reports/350505/2023/graphic"));

        Assert.Contains("<h1 id=\"graphic-title\">泉港区2023年政府信息公开工作年度报告</h1>", html, StringComparison.Ordinal);
        Assert.Contains("与<a href=\"/reports/350505/2022\">2022年度报告</a>对比", html, StringComparison.Ordinal);
        var received = Last("newlyReceived");
        Assert.Matches(Row("本年新收", "26", $"{received}", Signed(26 - received)), html);
        Assert.Matches(Row("予以公开", "20", $"{Last("granted")}", Signed(20 - Last("granted"))), html);
        Assert.Matches(Row("部分公开", "2"), html);
        Assert.Matches(Row("不予公开", "2"), html);
        Assert.Matches(Row("行政许可·本年处理决定数量", "1,717"), html);
        Assert.Matches(@"<th scope=""col"">2023 年</th>\s*<th scope=""col"">2022 年</th>\s*<th scope=""col"">增减</th>", html);
        Assert.Contains("<strong class=\"graphic-tile-value\">84.6%</strong>", html, StringComparison.Ordinal);

        // Five charts, each an image named by its title and description, each with its data table.
        var charts = SvgRegex().Matches(html);
        Assert.Equal(5, charts.Count);
        foreach (Match chart in charts)
        {
            var svg = XElement.Parse(chart.Value);
            Assert.Equal("img", (string?)svg.Attribute("role"));
            var ids = ((string)svg.Attribute("aria-labelledby")!).Split(' ');
            XNamespace ns = "http://www.w3.org/2000/svg";
            Assert.Equal(ids[0], (string?)svg.Element(ns + "title")!.Attribute("id"));
            Assert.Contains("年", svg.Element(ns + "desc")!.Value, StringComparison.Ordinal);
        }

        Assert.Equal(5, Regex.Matches(html, "<table class=\"data-table graphic-table\"").Count);
        Assert.Contains("2023年行政诉讼：结果维持 1（2022年", html, StringComparison.Ordinal);
        foreach (var extension in new[] { "png", "svg", "pdf" })
        {
            Assert.Contains($"href=\"/reports/350505/2023/graphic.{extension}\"", html, StringComparison.Ordinal);
        }

        // The report page links to it; a legacy report has none.
        Assert.Contains("href=\"/reports/350505/2023/graphic\"", await client.GetStringAsync("/reports/350505/2023"), StringComparison.Ordinal);
        Assert.DoesNotContain("/graphic\"", await client.GetStringAsync("/reports/350582001/2018"), StringComparison.Ordinal);
    }

    [Theory, SqliteData, PostgresData]
    public async Task A_report_without_last_years_report_shows_no_change(TestProvider provider)
    {
        var html = await (await ClientAsync(provider)).GetStringAsync("/reports/350505/2019/graphic");

        Assert.Contains("该机关没有已发布的上一年度报告，因此不作对比", html, StringComparison.Ordinal);
        Assert.DoesNotContain("增减", html, StringComparison.Ordinal);
        Assert.DoesNotContain("2018 年", html, StringComparison.Ordinal);
        Assert.Matches(@"<th scope=""col"">2019 年</th>\s*</tr>", html);
    }

    [Theory, SqliteData, PostgresData]
    public async Task The_downloads_are_an_svg_with_its_text_alternative_a_png_and_a_one_page_pdf(TestProvider provider)
    {
        var client = await ClientAsync(provider);

        var svg = await client.GetAsync("/reports/350505/2023/graphic.svg");
        Assert.Equal(HttpStatusCode.OK, svg.StatusCode);
        Assert.Equal("image/svg+xml", svg.Content.Headers.ContentType?.MediaType);
        Assert.Contains("350505-2023-graphic.svg", svg.Content.Headers.ContentDisposition?.ToString(), StringComparison.Ordinal);
        var root = XDocument.Parse(await svg.Content.ReadAsStringAsync()).Root!;
        XNamespace ns = "http://www.w3.org/2000/svg";
        Assert.Equal("img", (string?)root.Attribute("role"));
        Assert.Contains("本年新收 26（2022年", root.Element(ns + "desc")!.Value, StringComparison.Ordinal);

        var png = await client.GetAsync("/reports/350505/2023/graphic.png");
        Assert.Equal("image/png", png.Content.Headers.ContentType?.MediaType);
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47 }, (await png.Content.ReadAsByteArrayAsync())[..4]);

        var pdf = await client.GetAsync("/reports/350505/2023/graphic.pdf");
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        var bytes = await pdf.Content.ReadAsByteArrayAsync();
        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(bytes, 0, 4));
        Assert.Single(Regex.Matches(System.Text.Encoding.Latin1.GetString(bytes), @"/Type\s*/Page\b"));
    }

    [Theory, SqliteData, PostgresData]
    public async Task No_graphic_for_a_legacy_an_unknown_report_or_another_format_with_a_chinese_message(TestProvider provider)
    {
        var client = await ClientAsync(provider);

        var legacy = await client.GetAsync("/reports/350582001/2018/graphic");
        Assert.Equal(HttpStatusCode.NotFound, legacy.StatusCode);
        Assert.Contains("存档报告，没有统一格式的统计表", await legacy.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var unknown = await client.GetAsync("/reports/350505/2017/graphic.svg");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains("没有找到这份年度报告", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var gif = await client.GetAsync("/reports/350505/2023/graphic.gif");
        Assert.Equal(HttpStatusCode.NotFound, gif.StatusCode);
        Assert.Contains("不提供“gif”格式的图解。可下载的格式：PNG、SVG、PDF。", await gif.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_graphic_is_cached_under_its_reports_tags_and_the_year_befores()
    {
        var context = new DefaultHttpContext();
        foreach (var path in new[] { "/reports/350505/2023/graphic", "/reports/350505/2023/graphic.pdf" })
        {
            context.Request.Path = path;
            Assert.Equal(["report:350505:2023", "org:350505", "report:350505:2022"], PublicPageTags.Of(context.Request));
        }

        context.Request.Path = "/reports/350505/2023";
        Assert.Equal(["report:350505:2023", "org:350505"], PublicPageTags.Of(context.Request));
        Assert.True(PublicResponses.IsPublicPage("/reports/350505/2023/graphic"));
    }

    [Theory, SqliteData, PostgresData]
    public async Task The_history_gives_the_statistics_compare_and_rank_something_to_show(TestProvider provider)
    {
        var client = await ClientAsync(provider);

        var browse = await client.GetStringAsync("/reports");
        Assert.Contains("全部机关 · 全部年度的年度报告（共 61 份）", browse, StringComparison.Ordinal);
        var rank = await client.GetStringAsync("/stats/rank?org=350582&year=2022");
        foreach (var name in new[] { "晋江市青阳街道办事处", "晋江市安海镇人民政府", "晋江市教育局", "晋江市卫生健康局" })
        {
            Assert.Contains(name, rank, StringComparison.Ordinal);
        }

        var compare = await client.GetAsync("/compare?a=350505/2023&b=350505/2022");
        Assert.Equal(HttpStatusCode.OK, compare.StatusCode);
        var synthetic = await client.GetStringAsync("/reports/350505/2022");
        Assert.Contains(DemoDataSeeder.SyntheticMark, synthetic, StringComparison.Ordinal);
    }

    [GeneratedRegex("<svg[^>]*class=\"graphic-chart\".*?</svg>", RegexOptions.Singleline)]
    private static partial Regex SvgRegex();
}
