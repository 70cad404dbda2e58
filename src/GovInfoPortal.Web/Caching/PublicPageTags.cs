using System.Globalization;
using GovInfoPortal.Data.Caching;

namespace GovInfoPortal.Web.Caching;

/// <summary>
/// What a public answer depends on (<see cref="ContentTags"/>), from its address alone, so that a change evicts
/// exactly the answers it changes:
/// <list type="bullet">
/// <item>a report's page, versions and downloads (<c>/reports/{org}/{year}…</c>): the report, and the organization's
/// list of years shown on each page; its 图解 (<c>…/graphic</c>, <c>…/graphic.{ext}</c>) also the report of the year before;</item>
/// <item>the API's read of a report (<c>/api/v1/reports/{org}/{year}</c>): the report;</item>
/// <item>browse and statistics (<c>/reports?org=&amp;year=</c>, <c>/stats?org=&amp;year=</c>): the subtree in every year,
/// since both show the subtree's years and its trend over the years;</item>
/// <item>the statistics API (<c>/api/v1/stats?org=&amp;year=</c>) and the API's list and search of reports
/// (<c>/api/v1/reports?org=&amp;year=&amp;q=</c>): the subtree in that year (every year without one);</item>
/// <item>the rank of a body's children (<c>/stats/rank?org=&amp;year=</c>): the subtree in that year (every year
/// without one);</item>
/// <item>a body's feed and HTML snippet (<c>/reports/{org}/feed.atom</c>, <c>/reports/{org}/snippet</c>,
/// <c>/reports/{org}/snippet.html</c>): the organization's reports, which its every publication changes;</item>
/// <item>a comparison (<c>/compare?a={org}/{year}&amp;b={org}/{year}</c>): both reports;</item>
/// <item>everything else (home, search — whose year list counts every year's reports —, feed, sitemap, the API page):
/// <see cref="ContentTags.Lists"/>, which every publication changes.</item>
/// </list>
/// </summary>
public static class PublicPageTags
{
    public static IReadOnlyList<string> Of(HttpRequest request)
    {
        var path = request.Path;
        if (path.StartsWithSegments(Api.ApiLinks.Reports, StringComparison.OrdinalIgnoreCase, out var apiRest)
            && ReportOf(apiRest) is { } apiReport)
        {
            return [ContentTags.Report(apiReport.Key, apiReport.Year)];
        }

        // The API's list and search of reports (/api/v1/reports?year=&org=&q=) show the subtree's reports of the year
        // and their count, nothing of other years: the subtree in that year (in every year without one).
        if ((path.StartsWithSegments(Api.ApiLinks.Stats, StringComparison.OrdinalIgnoreCase, out var statsRest) && !statsRest.HasValue)
            || (path.StartsWithSegments(Api.ApiLinks.Reports, StringComparison.OrdinalIgnoreCase, out var listRest) && (!listRest.HasValue || listRest == "/")))
        {
            var key = OrganizationOf(request);
            return [Year(request) is { } year ? ContentTags.Subtree(key, year) : ContentTags.Subtree(key)];
        }

        if (path.StartsWithSegments(Public.PublicLinks.Reports, StringComparison.OrdinalIgnoreCase, out var rest))
        {
            if (!rest.HasValue || rest == "/")
            {
                return [ContentTags.Subtree(OrganizationOf(request))];
            }

            if (ReportOf(rest) is { } report)
            {
                // The 图解 (…/{year}/graphic, graphic.{ext}) also shows the change against the report of the year before.
                return IsGraphic(rest)
                    ? [ContentTags.Report(report.Key, report.Year), ContentTags.OrganizationReports(report.Key), ContentTags.Report(report.Key, report.Year - 1)]
                    : [ContentTags.Report(report.Key, report.Year), ContentTags.OrganizationReports(report.Key)];
            }

            // A body's feed and snippet list its reports with their current versions: the organization's reports.
            if (OrganizationListOf(rest) is { } organization)
            {
                return [ContentTags.OrganizationReports(organization)];
            }
        }

        if (path.Equals("/stats", StringComparison.OrdinalIgnoreCase))
        {
            return [ContentTags.Subtree(OrganizationOf(request))];
        }

        // The rank of a body's children reads their kept totals of one year: the subtree in that year.
        if (path.Equals("/stats/rank", StringComparison.OrdinalIgnoreCase))
        {
            var key = OrganizationOf(request);
            return [Year(request) is { } year ? ContentTags.Subtree(key, year) : ContentTags.Subtree(key)];
        }

        // A comparison shows two reports and nothing else: both reports (an unreadable address shows the form alone).
        if (path.Equals("/compare", StringComparison.OrdinalIgnoreCase))
        {
            string[] compared = [.. new[] { "a", "b" }
                .Select(name => request.Query[name] is { Count: 1 } values ? ReportOf("/" + values[0]?.Trim()) : null)
                .OfType<(string Key, int Year)>()
                .Select(report => ContentTags.Report(report.Key, report.Year))];
            return compared.Length > 0 ? compared : [ContentTags.Lists];
        }

        return [ContentTags.Lists];
    }

    /// <summary>Whether the answer may lag the changes (<see cref="ContentCacheOptions.SearchLagSeconds"/>): the search page.</summary>
    public static bool Lags(HttpRequest request) =>
        request.Path.Equals("/search", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// What a bulk dataset (<c>/datasets/{year}.zip?org=</c> and its CSV) depends on: the subtree in that year. A
    /// publication names the subtree of its organization and of each ancestor for its year, so it makes those
    /// subtrees' datasets of its year out of date and no others. The files are kept on disk, not in the output cache.
    /// </summary>
    public static IReadOnlyList<string> OfDataset(string key, int year) => [ContentTags.Subtree(key, year)];

    /// <summary>The organization key and year of <c>/{org}/{year}</c>, <c>/{org}/{year}.{ext}</c>, <c>/{org}/{year}/versions/{n}</c>.</summary>
    private static (string Key, int Year)? ReportOf(PathString rest)
    {
        var segments = (rest.Value ?? string.Empty).Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Length < 2)
        {
            return null;
        }

        var year = segments[1];
        var dot = year.IndexOf('.', StringComparison.Ordinal);
        return int.TryParse(dot < 0 ? year : year[..dot], NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            ? (segments[0], number)
            : null;
    }

    /// <summary>The organization key of <c>/{org}/feed.atom</c>, <c>/{org}/snippet</c> and <c>/{org}/snippet.html</c>.</summary>
    private static string? OrganizationListOf(PathString rest) =>
        (rest.Value ?? string.Empty).Split('/', StringSplitOptions.RemoveEmptyEntries) is [var key, "feed.atom" or "snippet" or "snippet.html"] ? key : null;

    /// <summary>Whether <c>/{org}/{year}/…</c> is the 图解 (<c>graphic</c>, <c>graphic.{ext}</c>).</summary>
    private static bool IsGraphic(PathString rest) =>
        (rest.Value ?? string.Empty).Split('/', StringSplitOptions.RemoveEmptyEntries) is { Length: 3 } segments
        && (segments[2] == "graphic" || segments[2].StartsWith("graphic.", StringComparison.Ordinal));

    /// <summary>The <c>org</c> parameter; the whole tree (which every publication changes) without one or with several.</summary>
    private static string OrganizationOf(HttpRequest request) =>
        request.Query["org"] is { Count: 1 } values && !string.IsNullOrWhiteSpace(values[0]) ? values[0]! : ContentTags.Root;

    /// <summary>The <c>year</c> parameter when it is one number (anything else: the answer is tagged for every year).</summary>
    private static int? Year(HttpRequest request) =>
        request.Query["year"] is { Count: 1 } values
        && int.TryParse(values[0], NumberStyles.None, CultureInfo.InvariantCulture, out var year) ? year : null;
}
