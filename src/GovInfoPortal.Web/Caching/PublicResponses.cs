namespace GovInfoPortal.Web.Caching;

/// <summary>
/// Which requests are for the public, anonymous content (the same for every reader): the public pages, the
/// downloads, the open-data API's reads, the feed, the sitemap and the static files. Only these are cached and
/// compressed; the signed-in pages (personal data, antiforgery tokens) never are.
/// </summary>
public static class PublicResponses
{
    private static readonly string[] ExactPaths =
        ["/", "/index", "/search", "/stats", "/stats/rank", "/compare", "/api", Public.PublicLinks.Feed, Public.PublicLinks.Sitemap, Public.PublicLinks.Robots];

    private static readonly string[] Prefixes = [Public.PublicLinks.Reports, Api.ApiLinks.Prefix, "/sitemaps", "/openapi"];

    /// <summary>
    /// Under a public prefix, yet for signed-in users only, or answering from this instance's own state (the dataset
    /// listing shows which datasets this instance has built), so never kept in the output cache.
    /// </summary>
    private static readonly string[] Excluded = [Api.ApiLinks.ReviewPrefix, Api.ApiLinks.Datasets];

    private static readonly string[] StaticPrefixes = ["/css", "/js", "/lib", "/favicon.svg"];

    public static bool IsPublicPage(PathString path) =>
        ExactPaths.Any(p => path.Equals(p, StringComparison.OrdinalIgnoreCase))
        || (Prefixes.Any(p => path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase))
            && !Excluded.Any(p => path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase)));

    public static bool IsStaticFile(PathString path) =>
        StaticPrefixes.Any(p => path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase));

    /// <summary>An anonymous read of public content: what may be cached and compressed.</summary>
    public static bool IsAnonymousRead(HttpContext context) =>
        (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method))
        && context.User.Identity?.IsAuthenticated != true
        && (IsPublicPage(context.Request.Path) || IsStaticFile(context.Request.Path));
}
