using System.Net;
using GovInfoPortal.Core.Domain;
using GovInfoPortal.Data.Accounts;
using GovInfoPortal.Testing;

namespace GovInfoPortal.Web.Tests;

/// <summary>
/// Nobody reads or changes a report that is not theirs: every clerk route and endpoint, for the anonymous,
/// a clerk of another organization and a reviewer outside the scope; a reviewer inside it reads only.
/// </summary>
public sealed class ClerkAccessTests(DatabaseFixture databases) : IClassFixture<DatabaseFixture>
{
    private sealed record Route(string Name, string Method, string Path, bool Fetch = false, bool ReadsTheReport = true);

    private static IReadOnlyList<Route> Routes(int id) =>
    [
        new("my reports", "GET", "/clerk/reports", ReadsTheReport: false),
        new("start form", "GET", "/clerk/reports/start", ReadsTheReport: false),
        new("start", "POST", "/clerk/reports/start", ReadsTheReport: false),
        new("editor", "GET", $"/clerk/reports/{id}/edit"),
        new("save (form)", "POST", $"/clerk/reports/{id}/edit"),
        new("check (JSON)", "POST", $"/clerk/reports/{id}/edit/check", Fetch: true),
        new("save (JSON)", "POST", $"/clerk/reports/{id}/edit/save", Fetch: true),
        new("preview", "GET", $"/clerk/reports/{id}/preview"),
        new("submit", "POST", $"/clerk/reports/{id}/preview/submit"),
        new("import form", "GET", $"/clerk/reports/{id}/import"),
        new("import", "POST", $"/clerk/reports/{id}/import"),
    ];

    /// <summary>Sends the route's request; a POST carries a whole report at the stored version, so only access can stop it.</summary>
    private static async Task<HttpResponseMessage> SendAsync(PortalSession session, Route route, int version)
    {
        if (route.Method == "GET")
        {
            return await session.GetAsync(route.Path);
        }

        var fields = DraftForms.Clean(version);
        fields.Add(new("Year", "2024"));
        return await session.PostAsync(route.Path, fields, fetch: route.Fetch);
    }

    [Theory]
    [SqliteData]
    [PostgresData]
    public async Task Every_clerk_route_refuses_those_the_report_does_not_belong_to(TestProvider provider)
    {
        await using var portal = new ClerkPortal(await databases.CreateAsync(provider), demo: false);
        var city = await portal.CreateOrganizationAsync("某市", kind: OrganizationKind.PeoplesGovernment);
        var countyA = await portal.CreateOrganizationAsync("甲县", city.Id, OrganizationKind.PeoplesGovernment);
        var streetA = await portal.CreateOrganizationAsync("甲县某街道", countyA.Id);
        var countyB = await portal.CreateOrganizationAsync("乙县", city.Id, OrganizationKind.PeoplesGovernment);
        var streetB = await portal.CreateOrganizationAsync("乙县某街道", countyB.Id);
        var id = await portal.CreateReportAsync(streetA.Id, 2025, (report, now) => report.UpdateSections(new ReportSections("甲县某街道的草稿内容", null, null), now));

        var outsiders = new Dictionary<string, PortalSession>
        {
            ["anonymous"] = portal.Session(),
            ["clerk of another organization"] = await portal.SignedInAsync(PortalRoles.Clerk, streetB.Id),
            ["reviewer outside the scope"] = await portal.SignedInAsync(PortalRoles.Reviewer, countyB.Id),
        };
        var version = (await portal.ReportAsync(id)).Version;
        var failures = new List<string>();
        foreach (var (who, session) in outsiders)
        {
            foreach (var route in Routes(id))
            {
                if (who == "clerk of another organization" && !route.ReadsTheReport)
                {
                    continue; // A clerk's own list and start page are about its own organization.
                }

                var response = await SendAsync(session, route, version);
                var body = await response.Content.ReadAsStringAsync();
                var refused = who == "anonymous"
                    ? response.StatusCode == (route.Fetch ? HttpStatusCode.Unauthorized : HttpStatusCode.Redirect) &&
                      (route.Fetch || response.Headers.Location!.ToString().Contains("/account/login", StringComparison.Ordinal))
                    : route.ReadsTheReport
                        ? response.StatusCode == HttpStatusCode.NotFound
                        : response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.ToString().Contains("/account/denied", StringComparison.Ordinal);
                if (!refused || body.Contains("甲县某街道的草稿内容", StringComparison.Ordinal))
                {
                    failures.Add($"{who} / {route.Name}: {(int)response.StatusCode} {response.Headers.Location}");
                }
            }
        }

        Assert.Empty(failures);
        var stored = await portal.ReportAsync(id);
        Assert.Equal((version, ReportStatus.Draft, "甲县某街道的草稿内容"), (stored.Version, stored.Status, stored.Sections.Overview));
    }

    [Theory]
    [SqliteData]
    [PostgresData]
    public async Task A_reviewer_in_scope_and_an_admin_read_the_draft_but_cannot_change_it(TestProvider provider)
    {
        await using var portal = new ClerkPortal(await databases.CreateAsync(provider), demo: false);
        var county = await portal.CreateOrganizationAsync("丙县", kind: OrganizationKind.PeoplesGovernment);
        var street = await portal.CreateOrganizationAsync("丙县某街道", county.Id);
        var id = await portal.CreateReportAsync(street.Id, 2025, (report, now) => report.UpdateSections(new ReportSections("丙县某街道的草稿内容", null, null), now));
        var version = (await portal.ReportAsync(id)).Version;
        var readers = new[] { await portal.SignedInAsync(PortalRoles.Reviewer, county.Id), await portal.SignedInAsync(PortalRoles.Admin, null) };

        foreach (var reader in readers)
        {
            var preview = await reader.GetAsync($"/clerk/reports/{id}/preview");
            Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
            var html = await preview.Content.ReadAsStringAsync();
            Assert.Contains("丙县某街道的草稿内容", html, StringComparison.Ordinal);
            Assert.DoesNotContain("提交审核</button>", html, StringComparison.Ordinal);
            foreach (var route in Routes(id).Where(r => r.ReadsTheReport && r.Name != "preview"))
            {
                var response = await SendAsync(reader, route, version);
                Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{route.Name}: {(int)response.StatusCode}");
            }
        }

        Assert.Equal(version, (await portal.ReportAsync(id)).Version);
    }

    [Fact]
    public async Task Anonymous_users_see_no_draft_on_the_public_pages()
    {
        await using var portal = new ClerkPortal(await databases.SharedAsync(TestProvider.Sqlite), demo: false);
        var street = await portal.CreateOrganizationAsync("丁县某街道");
        await portal.CreateReportAsync(street.Id, 2025, (report, now) => report.UpdateSections(new ReportSections("丁县某街道的草稿内容", null, null), now));
        var anonymous = portal.Session();

        var page = await anonymous.GetAsync($"/reports/{street.Code}/2025");
        var home = await anonymous.GetStringAsync("/");

        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.DoesNotContain("丁县某街道的草稿内容", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("丁县某街道", home, StringComparison.Ordinal);
    }
}
