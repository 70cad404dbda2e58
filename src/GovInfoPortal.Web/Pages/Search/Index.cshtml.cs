using GovInfoPortal.Core.Validation;
using GovInfoPortal.Data.Search;
using GovInfoPortal.Web.Public;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GovInfoPortal.Web.Pages.Search;

/// <summary>Full-text search of published reports, with year and organization filters.</summary>
public sealed class IndexModel(PublicReports reports, PublicSearch search, TimeProvider clock) : PageModel
{
    public const int PageSize = 20;

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    [BindProperty(SupportsGet = true, Name = "org")]
    public string? OrganizationKey { get; set; }

    // From the query string only: Razor Pages' route value "page" (the page's own path) would win over it.
    [BindProperty(SupportsGet = true)]
    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    public PublicOrganization? Organization { get; private set; }

    public IReadOnlyList<(int Year, int Count)> Years { get; private set; } = [];

    public IReadOnlyList<(PublicOrganization Organization, int Depth)> Regions { get; private set; } = [];

    public SearchPage? Results { get; private set; }

    /// <summary>Why the query or a filter was not used, in zh-CN; null when all is well.</summary>
    public string? Problem { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Years = await reports.YearCountsAsync(null, cancellationToken);
        Regions = await reports.RegionsAsync(cancellationToken);
        Organization = await reports.FindOrganizationAsync(OrganizationKey, cancellationToken);
        if (!string.IsNullOrWhiteSpace(OrganizationKey) && Organization is null)
        {
            Problem = $"没有代码为“{OrganizationKey}”的机关，已在全部机关中检索。";
        }

        if (Year is { } year && InputLimits.YearRefusal("年度", year, DateOnly.FromDateTime(clock.GetLocalNow().DateTime)) is { } badYear)
        {
            Problem = $"{badYear}已在全部年度中检索。";
            Year = null;
        }

        if (string.IsNullOrWhiteSpace(Query))
        {
            return;
        }

        if (InputLimits.QueryRefusal("关键词", Query) is { } tooLong)
        {
            Problem = $"{tooLong}请缩短后再检索。";
            return;
        }

        PageNumber = Math.Clamp(PageNumber, 1, InputLimits.MaxPage);

        if (SearchTokens.ParseQuery(Query).Count == 0)
        {
            Problem = "请输入汉字、字母或数字作为关键词。";
            return;
        }

        Results = await search.SearchAsync(Query, Year, Organization, PageNumber, PageSize, cancellationToken);
    }

    public string Link(int page) =>
        ReportLinks.WithQuery(Url.Page("/Search/Index")!, ("q", Query ?? string.Empty), ("year", Year), ("org", Organization?.Key), ("page", page > 1 ? page : null));
}
