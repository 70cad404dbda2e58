using GovInfoPortal.Core.Domain;

namespace GovInfoPortal.Web.Public;

/// <summary>
/// The public addresses of a report: its page <c>/reports/{orgCode}/{year}</c> and its downloads. An
/// organization without a code is addressed by its id (<c>org-17</c>).
/// </summary>
public static class ReportLinks
{
    private const string IdKeyPrefix = "org-";

    /// <summary>The download formats in the order they are offered, with their zh-CN names.</summary>
    public static readonly IReadOnlyList<(string Extension, string Name)> Downloads =
    [
        ("pdf", "PDF 文档"),
        ("docx", "Word 文档"),
        ("xlsx", "Excel 表格"),
        ("csv", "CSV 数据"),
        ("json", "JSON 数据"),
    ];

    public static string KeyOf(string? code, int organizationId) =>
        code is { Length: > 0 } ? code : IdKeyPrefix + organizationId.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static string KeyOf(Organization organization) => KeyOf(organization.Code, organization.Id);

    /// <summary>The organization id an id key names, or null when the key is a code.</summary>
    public static int? IdOf(string key) =>
        key.StartsWith(IdKeyPrefix, StringComparison.Ordinal) && int.TryParse(key.AsSpan(IdKeyPrefix.Length), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id)
            ? id
            : null;

    /// <summary>The scheme and host a request came to, for absolute links (API, feed, sitemap, sharing).</summary>
    public static string Origin(HttpRequest request) => $"{request.Scheme}://{request.Host}";

    /// <summary>A path with the query parameters that have a value, in order: <c>/reports?year=2023&amp;org=350505</c>.</summary>
    public static string WithQuery(string path, params (string Name, object? Value)[] parameters)
    {
        var query = string.Join('&', parameters
            .Where(p => p.Value is not null)
            .Select(p => $"{p.Name}={Uri.EscapeDataString(Convert.ToString(p.Value, System.Globalization.CultureInfo.InvariantCulture)!)}"));
        return query.Length == 0 ? path : $"{path}?{query}";
    }

    /// <summary>The route template of a report's page, <c>Pages/Reports/Report.cshtml</c>'s; the endpoints below it extend it.</summary>
    public const string PageTemplate = "/reports/{orgCode}/{year:reportyear}";

    /// <summary>The endpoint of one body's Atom feed.</summary>
    public const string OrganizationFeedTemplate = "/reports/{orgCode}/feed.atom";

    /// <summary>The endpoint of one body's HTML snippet.</summary>
    public const string OrganizationSnippetTemplate = "/reports/{orgCode}/snippet.html";

    /// <summary>The endpoint of an archived report's original PDF.</summary>
    public const string ArchiveOriginalTemplate = PageTemplate + "/" + ArchiveOriginalName;

    private const string ArchiveOriginalName = "original.pdf";

    public static string Page(string key, int year) => $"{Organization(key)}/{year}";

    /// <summary>An earlier, corrected version of a report: <c>/reports/350505/2023/versions/1</c>.</summary>
    public static string Version(string key, int year, int number) => $"{Page(key, year)}/versions/{number}";

    public static string Download(string key, int year, string extension) => $"{Page(key, year)}.{extension}";

    /// <summary>One body's Atom feed of its published reports: <c>/reports/350505/feed.atom</c>.</summary>
    public static string OrganizationFeed(string key) => $"{Organization(key)}/feed.atom";

    /// <summary>The page that offers a body its HTML snippet to copy: <c>/reports/350505/snippet</c>.</summary>
    public static string OrganizationSnippetPage(string key) => $"{Organization(key)}/snippet";

    /// <summary>The HTML snippet itself, a fragment: <c>/reports/350505/snippet.html</c>.</summary>
    public static string OrganizationSnippet(string key) => $"{OrganizationSnippetPage(key)}.html";

    /// <summary>The original PDF of an archived report: <c>/reports/350505/2015/original.pdf</c>.</summary>
    public static string ArchiveOriginal(string key, int year) => $"{Page(key, year)}/{ArchiveOriginalName}";

    /// <summary>The addresses under one body: <c>/reports/350505</c> (not itself a page).</summary>
    private static string Organization(string key) => string.Concat(PublicLinks.Reports, "/", Uri.EscapeDataString(key));
}
