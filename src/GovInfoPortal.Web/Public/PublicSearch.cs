using GovInfoPortal.Data.Search;
using Microsoft.AspNetCore.Html;
using Microsoft.EntityFrameworkCore;

namespace GovInfoPortal.Web.Public;

/// <summary>One search result: the report, its title and organization name with the terms marked, and a snippet of its text.</summary>
public sealed record SearchResult(ReportListItem Report, IHtmlContent Title, IHtmlContent OrganizationName, IHtmlContent? Snippet);

/// <summary>A page of search results for the search page and the API.</summary>
public sealed record SearchPage(IReadOnlyList<SearchTerm> Terms, IReadOnlyList<SearchResult> Results, int Page, int PageSize, int Total, bool TotalIsCapped)
{
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

/// <summary>Full-text search over published reports (organization names and narrative text), with highlighted matches.</summary>
public sealed class PublicSearch(PublicReports reports, ReportSearchQuery query)
{
    public async Task<SearchPage> SearchAsync(string? text, int? year, PublicOrganization? subtree, int page, int pageSize,
        CancellationToken cancellationToken = default)
    {
        (page, pageSize) = PublicReports.Clamp(page, pageSize);
        var terms = SearchTokens.ParseQuery(text);
        if (terms.Count == 0)
        {
            return new SearchPage(terms, [], page, pageSize, 0, false);
        }

        var hits = await query.SearchAsync(terms, year, subtree?.Path, page, pageSize, cancellationToken);
        if (hits.ReportIds.Count == 0)
        {
            return new SearchPage(terms, [], page, pageSize, hits.Total, hits.TotalIsCapped);
        }

        var items = await reports.ItemsAsync(hits.ReportIds, cancellationToken);
        var ids = hits.ReportIds.ToList();
        var texts = await reports.Published.Where(r => ids.Contains(r.Id))
            .Select(r => new { r.Id, r.Sections.Overview, r.Sections.Problems, r.Sections.OtherMatters, r.LegacyDocument })
            .ToDictionaryAsync(r => r.Id, cancellationToken);
        var results = items.Select(item =>
        {
            var source = texts[item.ReportId];
            return new SearchResult(item, Highlighter.Mark(item.Title, terms), Highlighter.Mark(item.OrganizationName, terms),
                Highlighter.Snippet([source.Overview, source.Problems, source.OtherMatters, source.LegacyDocument], terms));
        }).ToList();
        return new SearchPage(terms, results, page, pageSize, hits.Total, hits.TotalIsCapped);
    }
}
