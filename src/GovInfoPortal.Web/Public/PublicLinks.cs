namespace GovInfoPortal.Web.Public;

/// <summary>
/// The public addresses that are endpoints, not Razor pages: the feed, the sitemap, <c>robots.txt</c> and the OpenAPI
/// document. The endpoints are mapped with these templates, and the pages link to them through these methods.
/// </summary>
public static class PublicLinks
{
    /// <summary>The path under which the reports' pages, downloads, feeds and snippets lie (the list page itself is a Razor page).</summary>
    public const string Reports = "/reports";

    public const string Feed = "/feed.atom";

    public const string Sitemap = "/sitemap.xml";

    public const string SitemapPages = "/sitemaps/pages.xml";

    public const string SitemapReportsTemplate = "/sitemaps/reports-{number:int}.xml";

    public const string Robots = "/robots.txt";

    public const string OpenApiTemplate = "/openapi/{documentName}.json";

    /// <summary>The name of the one OpenAPI document.</summary>
    public const string OpenApiDocument = "v1";

    /// <summary>One page of the sitemap's report addresses: <c>/sitemaps/reports-1.xml</c>.</summary>
    public static string SitemapReports(int number) =>
        SitemapReportsTemplate.Replace("{number:int}", number.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);

    /// <summary>The OpenAPI description of the open-data API: <c>/openapi/v1.json</c>.</summary>
    public static string OpenApi => OpenApiTemplate.Replace("{documentName}", OpenApiDocument, StringComparison.Ordinal);
}
