using GovInfoPortal.Core.Domain;
using GovInfoPortal.Web.Review;
using GovInfoPortal.Web.Totals;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GovInfoPortal.Web.Pages.Review;

/// <summary>The year's review dashboard of the user's subtree (reviewers act, admins look).</summary>
public sealed class IndexModel(ReviewerContext reviewer, ReviewDashboard dashboard) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    [BindProperty(Name = "org", SupportsGet = true)]
    public int? Org { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Kind { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Overdue { get; set; }

    // Not "page": Razor Pages keeps the route value "page" (the page's path), which would win over the query.
    [BindProperty(Name = "p", SupportsGet = true)]
    public int PageNumber { get; set; } = 1;

    public DashboardView? View { get; private set; }

    public IReadOnlyList<ScopeOrganization> Choices { get; private set; } = [];

    public IReadOnlyList<int> Years { get; private set; } = [];

    /// <summary>Why the year asked for was not taken (zh-CN), shown above the dashboard.</summary>
    public string? YearProblem { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await reviewer.ScopeAsync(User, cancellationToken) is not { } scope)
        {
            return Forbid();
        }

        var subtree = await reviewer.SubtreeAsync(scope, Org, cancellationToken);
        if (subtree.Refusal(this) is { } refused)
        {
            return refused;
        }

        if (subtree.Organization is not { } root)
        {
            return Page();
        }

        Choices = subtree.Choices;
        var year = await reviewer.YearAsync(root, Year, !ModelState.IsValid, YearDefault.ReportingYear, cancellationToken: cancellationToken);
        Years = year.Years;
        YearProblem = year.Problem;
        var kind = OrganizationKinds.TryParse(Kind, out var parsed) ? parsed : (OrganizationKind?)null;
        View = await dashboard.LoadAsync(root, new DashboardQuery(year.Year, DashboardStatuses.Parse(Status), Overdue, kind, PageNumber), cancellationToken);
        return Page();
    }

    /// <summary>This dashboard (year, scope and kind kept) with this status and lateness filter, at this page.</summary>
    public string Link(DashboardStatus? status, bool overdue, int page = 1)
    {
        var query = View!.Query;
        return Public.ReportLinks.WithQuery(Url.Page("/Review/Index")!,
            ("year", query.Year), ("org", View.Root.Id), ("status", status?.Code()), ("kind", query.Kind?.Code()),
            ("overdue", overdue ? "true" : null), ("p", page > 1 ? page : null));
    }
}
