using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using GovInfoPortal.Core.Domain;
using GovInfoPortal.Testing;
using Microsoft.EntityFrameworkCore;

namespace GovInfoPortal.Web.Tests.Public;

/// <summary>
/// The demo data plus three published 2023 reports of new streets under 晋江市 (甲 3/4 granted, 乙 3/4, 丙 9/10), so
/// that the statistics' indicators, the comparison and the rank have figures to show, ties included.
/// </summary>
public sealed class IndicatorPortals : IAsyncLifetime
{
    public const string Jia = "IND-JIA";
    public const string Yi = "IND-YI";
    public const string Bing = "IND-BING";

    private readonly DatabaseFixture _databases = new();
    private readonly ConcurrentDictionary<TestProvider, Lazy<Task<PortalFactory>>> _portals = new();

    public Task<PortalFactory> GetAsync(TestProvider provider) =>
        _portals.GetOrAdd(provider, p => new Lazy<Task<PortalFactory>>(() => CreateAsync(p))).Value;

    private static async Task<PortalFactory> CreateAsync(TestProvider provider, DatabaseFixture databases)
    {
        var database = await databases.CreateAsync(provider, migrate: false);
        var portal = new PortalFactory(database, demo: true);
        portal.CreateClient().Dispose();
        await DemoPortals.AddUnpublishedAsync(database);
        await using (var db = database.CreateContext())
        {
            var jinjiang = await db.Organizations.SingleAsync(o => o.Code == "350582");
            var now = DateTime.UtcNow;
            foreach (var (name, code, granted, handled) in new[] { ("测试甲街道办事处", Jia, 3, 4), ("测试乙街道办事处", Yi, 3, 4), ("测试丙街道办事处", Bing, 9, 10) })
            {
                var body = new Organization($"晋江市{name}", code, OrganizationKind.Township, jinjiang);
                db.Organizations.Add(body);
                var report = AnnualReport.Start(body, 2023, now);
                report.UpdateSections(new ReportSections("总体情况。", "问题。", "其他事项。"), now);
                report.UpdateTable("applications", ReportTable.Empty
                    .With("newlyReceived", "total", handled)
                    .With("granted", "total", granted - 1)
                    .With("partiallyGranted", "total", 1)
                    .With("handledTotal", "total", handled), now);
                report.UpdateTable("reviewLitigation", ReportTable.Empty
                    .With("review", "upheld", 1).With("review", "corrected", 1).With("review", "other", 0).With("review", "pending", 2), now);
                report.SignOff("测试签发人", now);
                report.SubmitWithoutChecks(now);
                report.Approve(now);
                report.Publish(new DateOnly(2024, 1, 20), secrecyReviewConfirmed: true, Actor.System, now);
                db.Reports.Add(report);
            }

            await db.SaveWithPathsAsync();
        }

        return portal;
    }

    private Task<PortalFactory> CreateAsync(TestProvider provider) => CreateAsync(provider, _databases);

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

/// <summary>The indicators on the statistics page and in the API, the comparison of two reports and the rank of a body's children.</summary>
public sealed class IndicatorsCompareRankTests(IndicatorPortals portals) : IClassFixture<IndicatorPortals>
{
    private async Task<HttpClient> ClientAsync(TestProvider provider) => (await portals.GetAsync(provider)).CreateClient();

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.Clone();
    }

    [Theory, SqliteData, PostgresData]
    public async Task The_stats_api_gives_the_indicators_of_the_subtree_totals(TestProvider provider)
    {
        var client = await ClientAsync(provider);

        // 泉港区 2023 alone: 22/26 disclosed, no review, litigation 3 corrected of 4 concluded.
        var quangang = await JsonAsync(await client.GetAsync("/api/v1/stats?org=350505&year=2023"));
        var indicators = quangang.GetProperty("indicators");
        Assert.Equal("公开率", indicators.GetProperty("disclosureRate").GetProperty("name").GetString());
        Assert.Equal(22, indicators.GetProperty("disclosureRate").GetProperty("numerator").GetDecimal());
        Assert.Equal(26, indicators.GetProperty("disclosureRate").GetProperty("denominator").GetDecimal());
        Assert.Equal(0.8462m, indicators.GetProperty("disclosureRate").GetProperty("value").GetDecimal());
        Assert.Equal(JsonValueKind.Null, indicators.GetProperty("reviewCorrectionRate").GetProperty("value").ValueKind);
        Assert.Equal(0.75m, indicators.GetProperty("litigationCorrectionRate").GetProperty("value").GetDecimal());
        Assert.True(quangang.TryGetProperty("tables", out _));

        // 晋江市 2023: the ratio of the sums, (3+3+9)/(4+4+10) = 15/18; review 3 corrected of 6 concluded.
        var jinjiang = (await JsonAsync(await client.GetAsync("/api/v1/stats?org=350582&year=2023"))).GetProperty("indicators");
        Assert.Equal(15, jinjiang.GetProperty("disclosureRate").GetProperty("numerator").GetDecimal());
        Assert.Equal(18, jinjiang.GetProperty("disclosureRate").GetProperty("denominator").GetDecimal());
        Assert.Equal(0.8333m, jinjiang.GetProperty("disclosureRate").GetProperty("value").GetDecimal());
        Assert.Equal(0.5m, jinjiang.GetProperty("reviewCorrectionRate").GetProperty("value").GetDecimal());

        var legacy = await JsonAsync(await client.GetAsync("/api/v1/stats?year=2018"));
        Assert.Empty(legacy.GetProperty("indicators").EnumerateObject());
    }

    [Theory, SqliteData, PostgresData]
    public async Task The_stats_page_shows_the_indicators_of_the_totals_and_of_each_child(TestProvider provider)
    {
        var client = await ClientAsync(provider);

        var page = await client.GetStringAsync("/stats?org=350582&year=2023");

        Assert.Contains("stats-indicator-table", page, StringComparison.Ordinal);
        Assert.Contains("83.3%", page, StringComparison.Ordinal);   // the subtree: 15/18
        Assert.Contains("（15/18）", page, StringComparison.Ordinal);
        Assert.Contains("90.0%", page, StringComparison.Ordinal);   // 丙: 9/10
        Assert.Contains("75.0%", page, StringComparison.Ordinal);   // 甲 and 乙: 3/4
        Assert.Contains("/stats/rank?org=350582&amp;year=2023", page, StringComparison.Ordinal);

        var zeros = await client.GetStringAsync("/stats?org=350582003&year=2020");
        Assert.Contains("（分母为 0）", zeros, StringComparison.Ordinal);
    }

    [Theory, SqliteData, PostgresData]
    public async Task Rank_places_the_highest_first_ties_together_and_undefined_last(TestProvider provider)
    {
        var client = await ClientAsync(provider);

        var page = await client.GetStringAsync("/stats/rank?org=350582&year=2023&by=disclosureRate");

        var order = new[] { IndicatorPortals.Bing, IndicatorPortals.Jia, IndicatorPortals.Yi, "350582001", "350582003" }
            .Select(code => page.IndexOf($"data-org=\"{code}\"", StringComparison.Ordinal)).ToList();
        Assert.All(order, position => Assert.True(position > 0));
        Assert.True(order[0] < order[1] && order[0] < order[2], "丙 (90%) before the tie of 甲 and 乙 (75%)");
        Assert.True(Math.Max(order[1], order[2]) < Math.Min(order[3], order[4]), "bodies without a 2023 report come last");
        Assert.Equal(2, CountOf(page, "<td class=\"figure\">2</td>"));   // 甲 and 乙 share the 2nd place
        Assert.Contains("按“公开率”排名", page, StringComparison.Ordinal);

        var byCell = await client.GetStringAsync("/stats/rank?org=350582&year=2023&by=" + Uri.EscapeDataString("applications|handledTotal|total"));
        Assert.Contains("按“表三（七）总计·总计”排名", byCell, StringComparison.Ordinal);
        Assert.True(byCell.IndexOf($"data-org=\"{IndicatorPortals.Bing}\"", StringComparison.Ordinal)
            < byCell.IndexOf($"data-org=\"{IndicatorPortals.Jia}\"", StringComparison.Ordinal));

        using var bad = await client.GetAsync("/stats/rank?org=350582&year=2023&by=nope");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("无法按“nope”排名", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var unknown = await client.GetAsync("/stats/rank?org=NOBODY&year=2023");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Theory, SqliteData, PostgresData]
    public async Task Compare_shows_two_reports_of_one_format_cell_by_cell_with_the_difference(TestProvider provider)
    {
        var client = await ClientAsync(provider);

        var page = await client.GetStringAsync($"/compare?a={IndicatorPortals.Bing}/2023&b={IndicatorPortals.Jia}/2023");

        Assert.Contains("晋江市测试丙街道办事处", page, StringComparison.Ordinal);
        Assert.Contains("晋江市测试甲街道办事处", page, StringComparison.Ordinal);
        Assert.Contains("对比：表三", page, StringComparison.Ordinal);
        // （七）总计·总计: 10 against 4 (the encoder writes + as &#x2B;).
        Assert.Contains("<span class=\"yoy-now\">10</span><span class=\"yoy-last yoy-changed\">乙 4（&#x2B;6）</span>", page, StringComparison.Ordinal);
        Assert.Contains("compare-indicator-table", page, StringComparison.Ordinal);
        Assert.DoesNotContain("格式不同", page, StringComparison.Ordinal);

        var report = await client.GetStringAsync("/reports/350505/2023");
        Assert.Contains("与其他报告对比", report, StringComparison.Ordinal);
        Assert.Contains("action=\"/compare\"", report, StringComparison.Ordinal);
    }

    [Theory, SqliteData, PostgresData]
    public async Task Compare_of_two_formats_says_so_and_shows_the_indicators(TestProvider provider)
    {
        var client = await ClientAsync(provider);

        var page = await client.GetStringAsync("/compare?a=350505/2023&b=350582003/2020");

        Assert.Contains("两份报告的格式不同", page, StringComparison.Ordinal);
        Assert.Contains("84.6%", page, StringComparison.Ordinal);
        Assert.DoesNotContain("对比：表三", page, StringComparison.Ordinal);
    }

    [Theory, SqliteData, PostgresData]
    public async Task Compare_refuses_bad_addresses_in_chinese(TestProvider provider)
    {
        var client = await ClientAsync(provider);

        foreach (var (query, status, message) in new[]
        {
            ("a=350505/2023&b=350505", HttpStatusCode.BadRequest, "乙报告应写成“机关代码/年度”"),
            ("a=350505/abc&b=350505/2023", HttpStatusCode.BadRequest, "甲报告应写成“机关代码/年度”"),
            ("a=350505/2023&b=350505/1900", HttpStatusCode.BadRequest, "乙报告的年度应在"),
            ("a=NOBODY/2023&b=350505/2023", HttpStatusCode.NotFound, "没有找到甲报告"),
            ($"a=350505/2023&b={DemoPortals.ApprovedCode}/2023", HttpStatusCode.NotFound, "没有找到乙报告"),
        })
        {
            using var response = await client.GetAsync("/compare?" + query);
            Assert.Equal(status, response.StatusCode);
            Assert.Contains(message, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using var form = await client.GetAsync("/compare");
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
    }

    private static int CountOf(string text, string part)
    {
        var count = 0;
        for (var at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + part.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
