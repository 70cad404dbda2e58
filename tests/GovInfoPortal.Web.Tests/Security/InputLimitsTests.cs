using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using GovInfoPortal.Core.Domain;
using GovInfoPortal.Core.Formats;
using GovInfoPortal.Core.Validation;
using GovInfoPortal.Data.Accounts;
using GovInfoPortal.Testing;

namespace GovInfoPortal.Web.Tests.Security;

/// <summary>
/// Input beyond the limits of <see cref="InputLimits"/> is refused with a zh-CN message that names the field
/// and the limit (a 400 or a form error that keeps what was typed), never a 500; narrative text is always text.
/// </summary>
public sealed class InputLimitsTests(DatabaseFixture databases) : IClassFixture<DatabaseFixture>
{
    private const string Markup = "<script>alert('x')</script> &amp; <b>加粗</b>";

    internal static async Task<(ClerkPortal Portal, Organization City, Organization Street)> PortalAsync(TestDatabase database)
    {
        var portal = new ClerkPortal(database, demo: false);
        var city = await portal.CreateOrganizationAsync("限额市", kind: OrganizationKind.PeoplesGovernment);
        var street = await portal.CreateOrganizationAsync("限额市某街道", city.Id);
        return (portal, city, street);
    }

    /// <summary>A published 2024 report of the street, its overview carrying markup.</summary>
    internal static async Task<int> PublishedAsync(ClerkPortal portal, Organization street) =>
        await portal.CreateReportAsync(street.Id, 2024, (report, now) =>
        {
            report.UpdateSections(new ReportSections($"总体情况 {Markup}", "问题。", "事项。"), now);
            report.SignOff("张三", now);
            report.SubmitWithoutChecks(now);
            report.Approve(now);
            report.Publish(new DateOnly(2025, 1, 15), secrecyReviewConfirmed: true, Actor.System, now);
        });

    [Theory]
    [SqliteData]
    [PostgresData]
    public async Task The_open_data_list_refuses_out_of_range_parameters_with_a_400_that_names_them(TestProvider provider)
    {
        var (portal, _, _) = await PortalAsync(await databases.CreateAsync(provider));
        await using var _ = portal;
        var client = portal.CreateClient();

        foreach (var (query, expected) in new[]
        {
            ($"q={new string('公', InputLimits.QueryMaxLength + 1)}", $"q（关键词）不能超过 {InputLimits.QueryMaxLength} 个字"),
            ("page=0", "page 应在 1 到 10000 之间"),
            ("page=2000000000", "page 应在 1 到 10000 之间"),
            ("pageSize=1000", "pageSize 应在 1 到 100 之间"),
            ("pageSize=-5", "pageSize 应在 1 到 100 之间"),
            ("year=1900", "year（报告年度）应在 2008 到"),
            ("year=2999", "year（报告年度）应在 2008 到"),
            ($"org={new string('x', 500)}", "org（机关代码）不能超过 40 个字"),
        })
        {
            var response = await client.GetAsync($"/api/v1/reports?{query}");
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{query}: {(int)response.StatusCode} {body}");
            Assert.Contains(expected, JsonDocument.Parse(body).RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }

        foreach (var query in new[] { "page=1.5", "year=abc", "pageSize=NaN", "page=99999999999999999999" })
        {
            Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync($"/api/v1/reports?{query}")).StatusCode);
        }
    }

    [Fact]
    public async Task Validate_refuses_huge_and_over_precise_cells_and_reports_fractional_counts_as_findings()
    {
        var database = await databases.CreateAsync(TestProvider.Sqlite);
        var (portal, _, street) = await PortalAsync(database);
        await using var _ = portal;
        await PublishedAsync(portal, street);
        var client = portal.CreateClient();
        var json = await client.GetStringAsync($"/api/v1/reports/{street.Code}/2024");

        async Task<(HttpStatusCode Status, JsonElement Body)> Validate(Action<JsonNode> change)
        {
            var node = JsonNode.Parse(json)!;
            change(node);
            var response = await client.PostAsync("/api/v1/validate", new StringContent(node.ToJsonString(), Encoding.UTF8, "application/json"));
            return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement);
        }

        var huge = await Validate(n => n["applications"]!["newlyReceived"]!["total"] = 5_000_000_000m);
        var enormous = await Validate(n => n["applications"]!["newlyReceived"]!["total"] = JsonNode.Parse("1e40"));
        var precise = await Validate(n => n["activeDisclosure"]!["fees"]!["amount"] = 1.2345678m);
        var fractional = await Validate(n => n["applications"]!["newlyReceived"]!["total"] = 1.5m);

        Assert.Equal(HttpStatusCode.BadRequest, huge.Status);
        var hugeError = huge.Body.GetProperty("errors")[0];
        Assert.Equal("$.applications.newlyReceived.total", hugeError.GetProperty("path").GetString());
        Assert.Contains("绝对值不能超过 999999999", hugeError.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, enormous.Status);
        Assert.Contains("超出范围", enormous.Body.GetProperty("errors")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, precise.Status);
        Assert.Contains("最多 6 位小数", precise.Body.GetProperty("errors")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, fractional.Status);
        Assert.Contains(fractional.Body.GetProperty("findings").EnumerateArray(), f => f.GetProperty("rule").GetString() == "values.invalid");

        var nan = await client.PostAsync("/api/v1/validate", new StringContent(json.Replace("\"year\": 2024", "\"year\": NaN", StringComparison.Ordinal), Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, nan.StatusCode);
    }

    [Fact]
    public async Task The_editor_refuses_huge_and_over_precise_figures_naming_the_cell_and_keeps_the_input()
    {
        var database = await databases.CreateAsync(TestProvider.Sqlite);
        var (portal, _, street) = await PortalAsync(database);
        await using var _ = portal;
        var clerk = await portal.SignedInAsync(PortalRoles.Clerk, street.Id);
        var id = await portal.CreateReportAsync(street.Id, 2025);
        var cells = new Dictionary<(string, string, string), string?>
        {
            [(TableCodes.ReviewLitigation, "review", "upheld")] = "1000000000",
            [(TableCodes.ActiveDisclosure, "fees", "amount")] = "1.2345678",
        };

        var refused = await clerk.PostAsync($"/clerk/reports/{id}/edit", DraftForms.Clean(0, cells, signedBy: new string('签', 51)));
        var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("表四行政复议·结果维持：数值 1000000000 超出范围，绝对值不能超过 999999999。", html, StringComparison.Ordinal);
        Assert.Contains("数值 1.2345678 的小数位过多，最多 6 位小数。", html, StringComparison.Ordinal);
        Assert.Contains("签发人姓名不能超过 50 个字，现有 51 个字。", html, StringComparison.Ordinal);
        Assert.Contains("value=\"1000000000\"", html, StringComparison.Ordinal);
        Assert.Contains(DraftForms.Overview, html, StringComparison.Ordinal);
        Assert.Equal(0, (await portal.ReportAsync(id)).Version);
    }

    [Fact]
    public async Task An_overlong_search_is_explained_and_the_query_kept()
    {
        var database = await databases.CreateAsync(TestProvider.Sqlite);
        var (portal, _, _) = await PortalAsync(database);
        await using var _ = portal;
        var query = new string('泉', 500);

        var response = await portal.CreateClient().GetAsync($"/search?q={query}&page=999999999");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"关键词不能超过 {InputLimits.QueryMaxLength} 个字，现有 500 个字。请缩短后再检索。", html, StringComparison.Ordinal);
        Assert.Contains($"value=\"{query}\"", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await portal.CreateClient().GetAsync("/search?q=%E6%B3%89&page=2000000000")).StatusCode);
        var farYear = await portal.CreateClient().GetStringAsync("/search?q=%E6%B3%89&year=2900");
        // The portal's clock says January 2026: next year is the last one.
        Assert.Contains("年度应在 2008 到 2027 之间，收到 2900。已在全部年度中检索。", farYear, StringComparison.Ordinal);
    }

    [Theory]
    [SqliteData]
    [PostgresData]
    public async Task Narrative_markup_is_shown_as_text_on_the_report_page_preview_review_and_in_the_documents(TestProvider provider)
    {
        var database = await databases.CreateAsync(provider);
        var (portal, city, street) = await PortalAsync(database);
        await using var _ = portal;
        var publishedId = await PublishedAsync(portal, street);
        var draftId = await portal.CreateReportAsync(street.Id, 2025, (report, now) => report.UpdateSections(new ReportSections($"草稿 {Markup}", null, null), now));
        var clerk = await portal.SignedInAsync(PortalRoles.Clerk, street.Id);
        var reviewer = await portal.SignedInAsync(PortalRoles.Reviewer, city.Id);
        const string Escaped = "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp;amp; &lt;b&gt;加粗&lt;/b&gt;";

        var pages = new[]
        {
            ("report page", await portal.Session().GetStringAsync($"/reports/{street.Code}/2024")),
            ("preview", await clerk.GetStringAsync($"/clerk/reports/{draftId}/preview")),
            ("review", await reviewer.GetStringAsync($"/review/reports/{publishedId}")),
        };
        foreach (var (name, html) in pages)
        {
            Assert.True(html.Contains(Escaped, StringComparison.Ordinal), $"{name} does not show the markup as text");
            Assert.False(html.Contains("<script>alert", StringComparison.Ordinal), $"{name} renders the narrative as HTML");
            Assert.False(html.Contains("<b>加粗", StringComparison.Ordinal), $"{name} renders the narrative as HTML");
        }

        var word = await portal.Session().Client.GetByteArrayAsync($"/reports/{street.Code}/2024.docx");
        using var archive = new ZipArchive(new MemoryStream(word));
        using var reader = new StreamReader(archive.GetEntry("word/document.xml")!.Open());
        var xml = await reader.ReadToEndAsync();
        Assert.Contains("&lt;script&gt;alert('x')&lt;/script&gt; &amp;amp; &lt;b&gt;加粗&lt;/b&gt;", xml, StringComparison.Ordinal);

        var pdf = await portal.Session().Client.GetByteArrayAsync($"/reports/{street.Code}/2024.pdf");
        using var document = UglyToad.PdfPig.PdfDocument.Open(pdf);
        var text = string.Concat(document.GetPages().Select(p => p.Text));
        Assert.Contains("<script>alert('x')</script>", text, StringComparison.Ordinal);
    }
}
