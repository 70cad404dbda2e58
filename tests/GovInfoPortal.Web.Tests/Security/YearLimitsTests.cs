using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using GovInfoPortal.Core.Domain;
using GovInfoPortal.Data.Accounts;
using GovInfoPortal.Testing;
using Microsoft.EntityFrameworkCore;

namespace GovInfoPortal.Web.Tests.Security;

/// <summary>
/// Every year a request names lies within 2008..next year by the portal's clock (2026 in these tests, so 2027):
/// the API answers 400 problem+json naming the limit, an address 404, a form or filter a zh-CN message.
/// </summary>
public sealed class YearLimitsTests(DatabaseFixture databases) : IClassFixture<DatabaseFixture>
{
    private const string Refusal = "应在 2008 到 2027 之间，收到 2028。";

    private static async Task<(ClerkPortal Portal, Organization City, Organization Street)> SceneAsync(TestDatabase database)
    {
        var scene = await InputLimitsTests.PortalAsync(database);
        await InputLimitsTests.PublishedAsync(scene.Portal, scene.Street);
        return scene;
    }

    private static async Task<string> DetailAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("detail").GetString()!;
    }

    [Theory]
    [SqliteData]
    [PostgresData]
    public async Task The_api_refuses_years_beyond_next_year_with_a_400_naming_the_limit(TestProvider provider)
    {
        var (portal, _, street) = await SceneAsync(await databases.CreateAsync(provider));
        await using var _ = portal;
        var client = portal.CreateClient();

        foreach (var path in new[] { $"/api/v1/stats?year=2028&org={street.Code}", $"/api/v1/reports/{street.Code}/2028", "/api/v1/reports?year=2028" })
        {
            var response = await client.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{path}: {(int)response.StatusCode}");
            Assert.Equal($"year（报告年度）{Refusal}", await DetailAsync(response));
        }

        var early = await client.GetAsync("/api/v1/stats?year=2007");
        Assert.Equal(HttpStatusCode.BadRequest, early.StatusCode);
        Assert.Contains("应在 2008 到 2027 之间，收到 2007。", await DetailAsync(early), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/v1/stats?year=2027&org={street.Code}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/reports/{street.Code}/2027")).StatusCode);

        var json = await client.GetStringAsync($"/api/v1/reports/{street.Code}/2024");
        var document = JsonNode.Parse(json)!;
        document["year"] = 2028;
        var validate = await client.PostAsync("/api/v1/validate", new StringContent(document.ToJsonString(), Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, validate.StatusCode);
        var error = JsonDocument.Parse(await validate.Content.ReadAsStringAsync()).RootElement.GetProperty("errors")[0];
        Assert.Equal(("$.year", $"报告年度{Refusal}"), (error.GetProperty("path").GetString(), error.GetProperty("message").GetString()));
        document["year"] = 2027;
        var nextYear = await client.PostAsync("/api/v1/validate", new StringContent(document.ToJsonString(), Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, nextYear.StatusCode);
    }

    [Theory]
    [SqliteData]
    [PostgresData]
    public async Task Public_addresses_and_filters_with_a_year_out_of_range_answer_404(TestProvider provider)
    {
        var (portal, _, street) = await SceneAsync(await databases.CreateAsync(provider));
        await using var _ = portal;
        var client = portal.CreateClient();
        var code = street.Code;

        foreach (var path in new[]
        {
            "/reports?year=2028", "/reports?year=2007", $"/reports/{code}/2028", $"/reports/{code}/2007", $"/reports/{code}/99999999999",
            $"/reports/{code}/2028.pdf", $"/reports/{code}/2028/versions/1", $"/reports/{code}/2028/original.pdf", "/stats?year=2028", "/stats?year=1900",
        })
        {
            var response = await client.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{path}: {(int)response.StatusCode}");
        }

        foreach (var path in new[] { "/reports?year=2024", "/reports?year=2027", $"/reports/{code}/2024", $"/reports/{code}/2024.csv", "/stats?year=2024" })
        {
            var response = await client.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode}");
        }
    }

    [Theory]
    [SqliteData]
    [PostgresData]
    public async Task Review_pages_refuse_years_out_of_range_with_404_or_a_message(TestProvider provider)
    {
        var database = await databases.CreateAsync(provider);
        var (portal, city, _) = await SceneAsync(database);
        await using var _ = portal;
        var reviewer = await portal.SignedInAsync(PortalRoles.Reviewer, city.Id);

        // The review pages choose their year alike (ReviewerContext): a year out of range is said so and the default shown.
        foreach (var refused in new[] { "2028", "2007" })
        {
            var dashboard = await reviewer.GetAsync($"/review?year={refused}");
            Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
            var shown = WebUtility.HtmlDecode(await dashboard.Content.ReadAsStringAsync());
            Assert.Contains(refused == "2028" ? $"年度{Refusal}已显示正在报送的" : "已显示正在报送的", shown, StringComparison.Ordinal);
            Assert.DoesNotContain($"<option value=\"{refused}\" selected", shown, StringComparison.Ordinal);
        }

        Assert.Contains("年度填写有误，已显示正在报送的", WebUtility.HtmlDecode(await reviewer.Client.GetStringAsync("/review?year=abc")), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await reviewer.GetAsync("/review?year=2025")).StatusCode);

        var totals = await reviewer.GetAsync($"/review/totals?year=2028&org={city.Id}");
        Assert.Equal(HttpStatusCode.OK, totals.StatusCode);
        Assert.Contains($"年度{Refusal}已显示最近一个有已发布报告的年度。", await totals.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await reviewer.GetAsync($"/review/totals?handler=xlsx&year=2028&org={city.Id}")).StatusCode);

        var export = await reviewer.PostAsync("/review/exports", [new("org", city.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)), new("year", "2028")],
            tokenPage: "/review/exports");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        var html = WebUtility.HtmlDecode(await export.Content.ReadAsStringAsync());
        Assert.Contains($"年度{Refusal}", html, StringComparison.Ordinal);
        Assert.Contains("<option value=\"2028\" selected=\"selected\">", html, StringComparison.Ordinal);
        await using var db = database.CreateContext();
        Assert.Equal(0, await db.ExportJobs.CountAsync());
    }
}
