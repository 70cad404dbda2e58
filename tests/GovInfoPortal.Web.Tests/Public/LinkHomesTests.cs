using System.Net;
using GovInfoPortal.Testing;
using GovInfoPortal.Web.Api;
using GovInfoPortal.Web.Datasets;
using GovInfoPortal.Web.Public;
using GovInfoPortal.Web.Review;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace GovInfoPortal.Web.Tests.Public;

/// <summary>
/// The homes of the portal's addresses agree with what it serves: the link classes that name Razor pages give the
/// addresses the route table generates for those pages, the ones that name endpoints are answered by those
/// endpoints, and the pages still generate the addresses the portal has always had (bookmarks and tests use them).
/// </summary>
public sealed class LinkHomesTests(DemoPortals portals) : IClassFixture<DemoPortals>
{
    private const string Code = "350505";
    private const int Year = 2023;

    /// <summary>The demo's archived report, published without its original PDF.</summary>
    private const string ArchivedCode = "350582001";
    private const int ArchivedYear = 2018;

    private async Task<PortalFactory> PortalAsync() => await portals.GetAsync(TestProvider.Sqlite);

    private static string? PathOf(PortalFactory portal, string page, object? values = null, string? handler = null) =>
        portal.Services.GetRequiredService<LinkGenerator>().GetPathByPage(page, handler, values);

    [Fact]
    public async Task Report_links_are_the_addresses_the_route_table_gives_the_report_pages()
    {
        var portal = await PortalAsync();

        Assert.Equal(PathOf(portal, "/Reports/Report", new { orgCode = Code, year = Year }), ReportLinks.Page(Code, Year));
        Assert.Equal(PathOf(portal, "/Reports/Version", new { orgCode = Code, year = Year, number = 1 }), ReportLinks.Version(Code, Year, 1));
        Assert.Equal(PathOf(portal, "/Reports/Snippet", new { orgCode = Code }), ReportLinks.OrganizationSnippetPage(Code));
        Assert.Equal(PathOf(portal, "/Reports/Graphic", new { orgCode = Code, year = Year }), ReportGraphics.Page(Code, Year));
        foreach (var (extension, _) in ReportLinks.Downloads)
        {
            Assert.Equal(PathOf(portal, "/Reports/Download", new { orgCode = Code, year = Year, ext = extension }), ReportLinks.Download(Code, Year, extension));
        }

        foreach (var (extension, _, _) in ReportGraphics.Downloads)
        {
            Assert.Equal(PathOf(portal, "/Reports/GraphicDownload", new { orgCode = Code, year = Year, ext = extension }),
                ReportGraphics.Download(Code, Year, extension));
        }

        Assert.Equal(DatasetEndpoints.Prefix, PathOf(portal, "/Datasets/Index"));
    }

    [Fact]
    public async Task Report_links_are_served_by_their_pages()
    {
        var client = (await PortalAsync()).CreateClient();

        foreach (var address in (string[])[ReportLinks.Page(Code, Year), ReportLinks.OrganizationSnippetPage(Code), ReportGraphics.Page(Code, Year),
                     ReportLinks.Download(Code, Year, "json"), ReportLinks.Page(ArchivedCode, ArchivedYear)])
        {
            using var response = await client.GetAsync(address);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{address}: {(int)response.StatusCode}");
        }
    }

    [Fact]
    public async Task Endpoint_links_are_answered_by_their_endpoints()
    {
        var client = (await PortalAsync()).CreateClient();

        (string Address, string ContentType)[] served =
        [
            (PublicLinks.Feed, "application/atom+xml"),
            (ReportLinks.OrganizationFeed(Code), "application/atom+xml"),
            (ReportLinks.OrganizationSnippet(Code), "text/html"),
            (PublicLinks.Sitemap, "application/xml"),
            (PublicLinks.SitemapPages, "application/xml"),
            (PublicLinks.SitemapReports(1), "application/xml"),
            (PublicLinks.Robots, "text/plain"),
            (PublicLinks.OpenApi, "application/json"),
            (ApiLinks.ReportsOf(Year), "application/json"),
            (ApiLinks.Report(Code, Year), "application/json"),
            (ApiLinks.StatsOf(Year), "application/json"),
            (ApiLinks.Datasets, "application/json"),
            (ReportLinks.WithQuery($"{DatasetEndpoints.Prefix}/{Year}.{DatasetEndpoints.CsvExtension}", ("org", Code)), "text/csv"),
        ];
        foreach (var (address, contentType) in served)
        {
            using var response = await client.GetAsync(address);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{address}: {(int)response.StatusCode}");
            Assert.Equal(contentType, response.Content.Headers.ContentType?.MediaType);
        }

        // The POST endpoints are there: a GET of them is refused for its method, not as an unknown address.
        foreach (var address in (string[])[ApiLinks.Validate, ApiLinks.Verify])
        {
            using var response = await client.GetAsync(address);
            Assert.True(response.StatusCode == HttpStatusCode.MethodNotAllowed, $"{address}: {(int)response.StatusCode}");
        }

        // No original was uploaded: the endpoint itself answers (its problem), not the portal's page for unknown addresses.
        using var original = await client.GetAsync(ReportLinks.ArchiveOriginal(ArchivedCode, ArchivedYear));
        Assert.Equal(HttpStatusCode.NotFound, original.StatusCode);
        Assert.Equal("application/problem+json", original.Content.Headers.ContentType?.MediaType);
        Assert.Contains("没有找到这份存档报告的原件。", await original.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_sitemap_lists_the_public_pages_at_their_addresses()
    {
        var xml = await (await PortalAsync()).CreateClient().GetStringAsync(PublicLinks.SitemapPages);

        foreach (var address in (string[])["/", "/reports", "/search", "/stats", "/api"])
        {
            Assert.Contains($"<loc>http://localhost{address}</loc>", xml, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Pages_generate_the_addresses_the_portal_has_always_had()
    {
        var portal = await PortalAsync();

        (string Page, object? Values, string Address)[] pages =
        [
            ("/Index", null, "/"),
            ("/Reports/Index", new { year = Year }, "/reports?year=2023"),
            ("/Reports/Index", new { org = Code }, "/reports?org=350505"),
            ("/Stats/Index", new { org = Code }, "/stats?org=350505"),
            ("/Compare/Index", new { a = $"{Code}/{Year}", b = "350582001/2018" }, "/compare?a=350505%2F2023&b=350582001%2F2018"),
            ("/OpenData/Index", null, "/api"),
            ("/Clerk/Reports/Start", null, "/clerk/reports/start"),
            ("/Clerk/Reports/Edit", new { id = 5 }, "/clerk/reports/5/edit"),
            ("/Clerk/Reports/Edit", new { id = 5, check = 1 }, "/clerk/reports/5/edit?check=1"),
            ("/Clerk/Reports/Preview", new { id = 5 }, "/clerk/reports/5/preview"),
            ("/Clerk/Reports/Import", new { id = 5 }, "/clerk/reports/5/import"),
            (Notifications.ClerkPage, new { id = 5 }, "/clerk/reports/5/edit"),
            (Notifications.ReviewerPage, new { id = 5 }, "/review/reports/5"),
            ("/Review/Index", new { year = Year }, "/review?year=2023"),
            ("/Review/Totals/Index", new { handler = "xlsx", year = Year, org = 5 }, "/review/totals?handler=xlsx&year=2023&org=5"),
            ("/Review/Exports/Download", new { id = 7 }, "/review/exports/7/download"),
            ("/Notifications/Index", null, "/notifications"),
            ("/Admin/Users/Create", null, "/admin/users/new"),
            ("/Admin/Users/Edit", new { id = "b7c1e2" }, "/admin/users/b7c1e2"),
            ("/Admin/Organizations/Edit", new { id = 3 }, "/admin/organizations/3"),
            ("/Admin/Archive/Upload", new { id = 9 }, "/admin/archive/9"),
            ("/Account/Login", null, "/account/login"),
            ("/Account/Password", null, "/account/password"),
        ];
        foreach (var (page, values, address) in pages)
        {
            Assert.Equal(address, PathOf(portal, page, values));
        }

        // The handlers the editor and the export list call from script.
        Assert.Equal("/clerk/reports/5/edit/check", PathOf(portal, "/Clerk/Reports/Edit", new { id = 5 }, "check"));
        Assert.Equal("/clerk/reports/5/edit/save", PathOf(portal, "/Clerk/Reports/Edit", new { id = 5 }, "save"));
        Assert.Equal("/review/exports?handler=status", PathOf(portal, "/Review/Exports/Index", handler: "status"));
    }

    [Fact]
    public async Task The_home_page_links_through_the_homes_to_the_same_addresses()
    {
        var html = await (await PortalAsync()).CreateClient().GetStringAsync("/");

        foreach (var link in (string[])["href=\"/\"", "href=\"/reports\"", "href=\"/search\"", "href=\"/stats\"", "href=\"/api\"",
                     "href=\"/account/login\"", $"href=\"{PublicLinks.Feed}\"", "action=\"/search\""])
        {
            Assert.Contains(link, html, StringComparison.Ordinal);
        }
    }
}
