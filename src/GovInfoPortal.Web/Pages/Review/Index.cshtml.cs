using GovInfoPortal.Core.Domain;
using GovInfoPortal.Core.Validation;
using GovInfoPortal.Data;
using GovInfoPortal.Web.Clerk;
using GovInfoPortal.Web.Review;
using GovInfoPortal.Web.Totals;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace GovInfoPortal.Web.Pages.Review;

/// <summary>The year's review dashboard of the user's subtree (reviewers act, admins look).</summary>
public sealed class IndexModel(ReviewScopes scopes, ReviewDashboard dashboard, GovInfoDbContext db, TimeProvider time) : PageModel
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

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await scopes.ForAsync(User, cancellationToken) is not { } scope)
        {
            return Forbid();
        }

        if (Year is { } askedYear && InputLimits.YearRefusal("年度", askedYear, ClerkDates.Today(time)) is not null)
        {
            return NotFound();
        }

        var root = Org is { } id && await scopes.FindAsync(id, cancellationToken) is { } chosen && scope.Covers(chosen.Path)
            ? chosen
            : await scopes.DefaultAsync(scope, cancellationToken);
        if (root is null)
        {
            return Page();
        }

        Choices = await scopes.ChoicesAsync(scope, cancellationToken);
        var lastYear = ClerkDates.Today(time).Year - 1;
        var stored = await db.Reports.InSubtree(root.Path).Select(r => r.Year).Distinct().ToListAsync(cancellationToken);
        Years = [.. stored.Append(lastYear).Distinct().OrderDescending()];
        var year = Year is { } asked && Years.Contains(asked) ? asked : lastYear;
        var kind = OrganizationKinds.TryParse(Kind, out var parsed) ? parsed : (OrganizationKind?)null;
        View = await dashboard.LoadAsync(root, new DashboardQuery(year, DashboardStatuses.Parse(Status), Overdue, kind, PageNumber), cancellationToken);
        return Page();
    }

    /// <summary>This dashboard (year, scope and kind kept) with this status and lateness filter, at this page.</summary>
    public string Link(DashboardStatus? status, bool overdue, int page = 1)
    {
        var query = View!.Query;
        return Public.ReportLinks.WithQuery("/review",
            ("year", query.Year), ("org", View.Root.Id), ("status", status?.Code()), ("kind", query.Kind?.Code()),
            ("overdue", overdue ? "true" : null), ("p", page > 1 ? page : null));
    }
}
