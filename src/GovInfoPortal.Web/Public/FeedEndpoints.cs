using System.Globalization;
using System.Text;
using System.Xml;
using GovInfoPortal.Core.Domain;
using GovInfoPortal.Core.Formats;
using Microsoft.EntityFrameworkCore;

namespace GovInfoPortal.Web.Public;

/// <summary>
/// What machines read about the public pages: the Atom feed of new publications (<c>/feed.atom</c>), each body's feed
/// and HTML snippet of its reports (<c>/reports/{orgCode}/feed.atom</c>, <c>/reports/{orgCode}/snippet.html</c>), the
/// sitemap (<c>/sitemap.xml</c>, an index of pages of at most <see cref="SitemapPageSize"/> addresses, each the
/// published reports of one range of ids, so that it holds at a national scale) and <c>/robots.txt</c>. Published reports only.
/// </summary>
public static class FeedEndpoints
{
    public const int FeedEntries = 50;
    public const int SitemapPageSize = 40_000;

    /// <summary>The last page whose range of ids an <see cref="int"/> can hold.</summary>
    private const int MaxSitemapPage = int.MaxValue / SitemapPageSize;

    private const string AtomNamespace = "http://www.w3.org/2005/Atom";
    private const string SitemapNamespace = "http://www.sitemaps.org/schemas/sitemap/0.9";

    /// <summary>Publication dates are days in China; the feed states them at midnight China time.</summary>
    private static readonly TimeSpan ChinaOffset = ChinaTime.Offset;

    /// <summary>The Razor pages the sitemap lists besides the reports.</summary>
    private static readonly string[] PublicPages = ["/Index", "/Reports/Index", "/Search/Index", "/Stats/Index", "/OpenData/Index"];

    public static IEndpointRouteBuilder MapFeeds(this IEndpointRouteBuilder app)
    {
        app.MapGet(PublicLinks.Feed, FeedAsync).ExcludeFromDescription();
        app.MapGet(ReportLinks.OrganizationFeedTemplate, OrganizationFeedAsync).ExcludeFromDescription();
        app.MapGet(ReportLinks.OrganizationSnippetTemplate, OrganizationSnippetAsync).ExcludeFromDescription();
        app.MapGet(PublicLinks.Sitemap, SitemapIndexAsync).ExcludeFromDescription();
        app.MapGet(PublicLinks.SitemapPages, SitemapPages).ExcludeFromDescription();
        app.MapGet(PublicLinks.SitemapReportsTemplate, SitemapReportsAsync).ExcludeFromDescription();
        app.MapGet(PublicLinks.Robots, Robots).ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> FeedAsync(HttpContext http, PublicReports reports, LinkGenerator links, CancellationToken cancellationToken)
    {
        var origin = ReportLinks.Origin(http.Request);
        // Dated publications newest first, then the undated ones: each in the order of its own partial index.
        var dated = await reports.Published
            .Where(r => r.PublishedOn != null)
            .OrderByDescending(r => r.PublishedOn)
            .ThenByDescending(r => r.Id)
            .Take(FeedEntries)
            .Select(r => new { r.Id, r.UpdatedAt })
            .ToListAsync(cancellationToken);
        var undated = await reports.Published
            .Where(r => r.PublishedOn == null)
            .OrderByDescending(r => r.Year)
            .ThenByDescending(r => r.Id)
            .Take(FeedEntries)
            .Select(r => new { r.Id, r.UpdatedAt })
            .ToListAsync(cancellationToken);
        var latest = dated.Concat(undated).Take(FeedEntries).ToList();
        var items = await reports.ItemsAsync([.. latest.Select(r => r.Id)], cancellationToken);
        return Feed(origin, PublicLinks.Feed, links.GetPathByPage("/Index")!, $"{Portal.Name}：新发布的年度报告", Portal.Name, items,
            latest.ToDictionary(r => r.Id, r => r.UpdatedAt));
    }

    /// <summary>
    /// One body's feed (<c>/reports/{orgCode}/feed.atom</c>): its published reports, newest year first, each with its
    /// current version and that version's fingerprint, for the body's own 专栏 and for readers who follow one body.
    /// </summary>
    private static async Task<IResult> OrganizationFeedAsync(string orgCode, HttpContext http, PublicReports reports, CancellationToken cancellationToken)
    {
        if (await reports.FindOrganizationAsync(orgCode, cancellationToken) is not { } organization)
        {
            return Results.NotFound();
        }

        var items = await reports.OfOrganizationAsync(organization.Id, cancellationToken);
        var ids = items.Select(i => i.ReportId).ToList();
        var updatedAt = await reports.Published.Where(r => ids.Contains(r.Id))
            .Select(r => new { r.Id, r.UpdatedAt }).ToDictionaryAsync(r => r.Id, r => r.UpdatedAt, cancellationToken);
        return Feed(ReportLinks.Origin(http.Request), ReportLinks.OrganizationFeed(organization.Key), ReportLinks.OrganizationSnippetPage(organization.Key),
            $"{organization.Name}：政府信息公开工作年度报告", organization.Name, items, updatedAt);
    }

    /// <summary>An Atom feed of published reports: <paramref name="updatedAt"/> gives the time of those archived without a publication day.</summary>
    private static IResult Feed(string origin, string self, string alternate, string title, string author, IReadOnlyList<ReportListItem> items,
        IReadOnlyDictionary<int, DateTime> updatedAt)
    {
        // An entry's time is its publication day; a report archived without one shows when it was stored.
        string EntryTime(ReportListItem item) => item.PublishedOn is { } day ? Timestamp(day) : Timestamp(updatedAt[item.ReportId]);

        return Xml("application/atom+xml; charset=utf-8", writer =>
        {
            writer.WriteStartElement("feed", AtomNamespace);
            writer.WriteAttributeString("xml", "lang", null, "zh-CN");
            writer.WriteElementString("id", AtomNamespace, origin + self);
            writer.WriteElementString("title", AtomNamespace, title);
            writer.WriteElementString("updated", AtomNamespace, items.Count == 0 ? Timestamp(DateTime.UnixEpoch) : items.Select(EntryTime).Max());
            Link(writer, origin + self, "self", "application/atom+xml");
            Link(writer, origin + alternate, "alternate", "text/html");
            writer.WriteStartElement("author", AtomNamespace);
            writer.WriteElementString("name", AtomNamespace, author);
            writer.WriteEndElement();

            foreach (var item in items)
            {
                writer.WriteStartElement("entry", AtomNamespace);
                writer.WriteElementString("id", AtomNamespace, origin + item.Url);
                writer.WriteElementString("title", AtomNamespace, item.Title);
                writer.WriteElementString("updated", AtomNamespace, EntryTime(item));
                if (item.PublishedOn is { } published)
                {
                    writer.WriteElementString("published", AtomNamespace, Timestamp(published));
                }

                Link(writer, origin + item.Url, "alternate", "text/html");
                writer.WriteStartElement("author", AtomNamespace);
                writer.WriteElementString("name", AtomNamespace, item.OrganizationName);
                writer.WriteEndElement();
                var fingerprint = item.Fingerprint is { } value ? $"，内容指纹（SHA-256）{value}" : string.Empty;
                writer.WriteElementString("summary", AtomNamespace,
                    $"{item.OrganizationName}发布了{item.Year}年政府信息公开工作年度报告（{item.Format.DisplayName()}），现行第 {item.Version} 版{fingerprint}。");
                writer.WriteEndElement();
            }

            writer.WriteEndElement();
        });
    }

    /// <summary>The HTML snippet of one body's reports (<see cref="ReportSnippet"/>) as a fragment of its own.</summary>
    private static async Task<IResult> OrganizationSnippetAsync(string orgCode, HttpContext http, PublicReports reports, CancellationToken cancellationToken)
    {
        if (await reports.FindOrganizationAsync(orgCode, cancellationToken) is not { } organization)
        {
            return Results.NotFound();
        }

        var items = await reports.OfOrganizationAsync(organization.Id, cancellationToken);
        return Results.Text(ReportSnippet.Html(ReportLinks.Origin(http.Request), items), "text/html; charset=utf-8");
    }

    private static async Task<IResult> SitemapIndexAsync(HttpContext http, PublicReports reports, CancellationToken cancellationToken)
    {
        var origin = ReportLinks.Origin(http.Request);
        // The pages that hold at least one published report, in one grouped pass over the published reports' ids.
        var pages = await reports.Published.Select(r => (r.Id - 1) / SitemapPageSize).Distinct().OrderBy(k => k)
            .ToListAsync(cancellationToken);
        return Xml("application/xml; charset=utf-8", writer =>
        {
            writer.WriteStartElement("sitemapindex", SitemapNamespace);
            foreach (var location in new[] { PublicLinks.SitemapPages }.Concat(pages.Select(k => PublicLinks.SitemapReports(k + 1))))
            {
                writer.WriteStartElement("sitemap", SitemapNamespace);
                writer.WriteElementString("loc", SitemapNamespace, origin + location);
                writer.WriteEndElement();
            }

            writer.WriteEndElement();
        });
    }

    private static IResult SitemapPages(HttpContext http, LinkGenerator links)
    {
        var origin = ReportLinks.Origin(http.Request);
        return UrlSet(PublicPages.Select(page => (origin + links.GetPathByPage(page), (DateOnly?)null)).ToAsyncEnumerable());
    }

    private static async Task<IResult> SitemapReportsAsync(int number, HttpContext http, PublicReports reports, CancellationToken cancellationToken)
    {
        if (number < 1 || number > MaxSitemapPage)
        {
            return Results.NotFound();
        }

        // Page n holds the published reports whose id lies in the n-th range of SitemapPageSize ids: a range read of
        // the key (no OFFSET that walks every earlier row), and a report stays on its page as others are published.
        // Up to 40,000 addresses, written to the response as the rows are read, never held as a list or a buffer.
        var origin = ReportLinks.Origin(http.Request);
        var after = (number - 1) * SitemapPageSize;
        var last = after + SitemapPageSize;
        var rows = reports.Published.Where(r => r.Id > after && r.Id <= last).OrderBy(r => r.Id)
            .Select(r => new { r.OrganizationId, r.Organization.Code, r.Year, r.PublishedOn })
            .AsAsyncEnumerable()
            .Select(r => (origin + ReportLinks.Page(ReportLinks.KeyOf(r.Code, r.OrganizationId), r.Year), r.PublishedOn))
            .GetAsyncEnumerator(cancellationToken);
        if (!await rows.MoveNextAsync())
        {
            await rows.DisposeAsync();
            return Results.NotFound();
        }

        return UrlSet(FromCurrent(rows));
    }

    /// <summary>The rest of a sequence whose first item was read already (to tell an empty one), from that item on.</summary>
    private static async IAsyncEnumerable<T> FromCurrent<T>(IAsyncEnumerator<T> items)
    {
        await using (items)
        {
            do
            {
                yield return items.Current;
            }
            while (await items.MoveNextAsync());
        }
    }

    private static IResult Robots(HttpContext http)
    {
        var origin = ReportLinks.Origin(http.Request);
        var text = new StringBuilder()
            .Append("User-agent: *\n")
            .Append("Allow: /\n")
            .Append("Disallow: /account/\n")
            .Append("Disallow: /clerk/\n")
            .Append("Disallow: /review/\n")
            .Append("Disallow: /admin/\n")
            .Append(CultureInfo.InvariantCulture, $"Sitemap: {origin}{PublicLinks.Sitemap}\n")
            .ToString();
        return Results.Text(text, "text/plain; charset=utf-8");
    }

    /// <summary>A sitemap's addresses, written to the response body as they come (asynchronously: a response allows no other writes).</summary>
    private static IResult UrlSet(IAsyncEnumerable<(string Location, DateOnly? Modified)> urls) =>
        Results.Stream(async body =>
        {
            await using var writer = XmlWriter.Create(body, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true, Async = true });
            await writer.WriteStartDocumentAsync();
            await writer.WriteStartElementAsync(null, "urlset", SitemapNamespace);
            await foreach (var (location, modified) in urls)
            {
                await writer.WriteStartElementAsync(null, "url", SitemapNamespace);
                await writer.WriteElementStringAsync(null, "loc", SitemapNamespace, location);
                if (modified is { } date)
                {
                    await writer.WriteElementStringAsync(null, "lastmod", SitemapNamespace, date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                }

                await writer.WriteEndElementAsync();
            }

            await writer.WriteEndElementAsync();
            await writer.WriteEndDocumentAsync();
            await writer.FlushAsync();
        }, "application/xml; charset=utf-8");

    private static void Link(XmlWriter writer, string href, string rel, string type)
    {
        writer.WriteStartElement("link", AtomNamespace);
        writer.WriteAttributeString("rel", rel);
        writer.WriteAttributeString("type", type);
        writer.WriteAttributeString("href", href);
        writer.WriteEndElement();
    }

    /// <summary>An RFC 3339 time for a publication day: midnight China time.</summary>
    private static string Timestamp(DateOnly day) =>
        new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), ChinaOffset).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    private static string Timestamp(DateTime utc) =>
        new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)).ToOffset(ChinaOffset).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    private static IResult Xml(string contentType, Action<XmlWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
        {
            writer.WriteStartDocument();
            write(writer);
            writer.WriteEndDocument();
        }

        return Results.Bytes(buffer.ToArray(), contentType);
    }
}
