using GovInfoPortal.Core.Validation;
using GovInfoPortal.Web.Clerk;
using GovInfoPortal.Web.Public;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GovInfoPortal.Web.Pages.Reports;

/// <summary>Browse published reports by year and down the organization tree, with counts at every step.</summary>
public sealed class IndexModel(PublicReports reports, TimeProvider time) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    [BindProperty(SupportsGet = true, Name = "org")]
    public string? OrganizationKey { get; set; }

    // From the query string only: Razor Pages' route value "page" (the page's own path) would win over it.
    [BindProperty(SupportsGet = true)]
    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    public PublicOrganization? Organization { get; private set; }

    public IReadOnlyList<PublicOrganization> Ancestors { get; private set; } = [];

    public IReadOnlyList<OrganizationCount> Children { get; private set; } = [];

    public IReadOnlyList<(int Year, int Count)> Years { get; private set; } = [];

    public Paged<ReportListItem> Reports { get; private set; } = new([], 1, PageSize, 0);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (Year is { } year && InputLimits.YearRefusal("年度", year, ClerkDates.Today(time)) is not null)
        {
            return NotFound();
        }

        Organization = await reports.FindOrganizationAsync(OrganizationKey, cancellationToken);
        if (!string.IsNullOrWhiteSpace(OrganizationKey) && Organization is null)
        {
            return NotFound();
        }

        if (Organization is not null)
        {
            Ancestors = await reports.AncestorsAsync(Organization, cancellationToken);
        }

        Years = await reports.YearCountsAsync(Organization, cancellationToken);
        Children = await reports.ChildrenAsync(Organization, Year, cancellationToken);
        Reports = await reports.ListAsync(Year, Organization, PageNumber, PageSize, cancellationToken);
        return Page();
    }

    /// <summary>This page with other filters (null keeps a filter off).</summary>
    public string Link(int? year, string? organizationKey, int page = 1) =>
        ReportLinks.WithQuery(Url.Page("/Reports/Index")!, ("year", year), ("org", organizationKey), ("page", page > 1 ? page : null));
}
