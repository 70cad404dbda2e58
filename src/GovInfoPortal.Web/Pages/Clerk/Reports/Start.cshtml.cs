using GovInfoPortal.Core.Domain;
using GovInfoPortal.Web.Accounts;
using GovInfoPortal.Web.Clerk;
using GovInfoPortal.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GovInfoPortal.Web.Pages.Clerk.Reports;

/// <summary>Start the year's report: pick the year (the most recent without a report is suggested).</summary>
[RequestSizeLimit(RequestLimits.ShortForm)]
public sealed class StartModel(ClerkReports reports) : PageModel
{
    public Organization? Organization { get; private set; }

    public StartOptions Options { get; private set; } = new([], null);

    [BindProperty]
    public int? Year { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return Page();
        }

        Year = Options.Suggested;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return Page();
        }

        if (Year is not { } year)
        {
            ModelState.AddModelError(nameof(Year), "请选择报告年度。");
            return Page();
        }

        var outcome = await reports.StartAsync(Organization!.Id, year, User.Identity!.Name!, cancellationToken);
        if (outcome.ReportId is { } id)
        {
            TempData["Status"] = $"已开始填报 {year} 年度报告。";
            return RedirectToPage("/Clerk/Reports/Edit", new { id });
        }

        ModelState.AddModelError(nameof(Year), outcome.Error!);
        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        if (User.OrganizationIdOf() is not { } organizationId || await reports.OrganizationAsync(organizationId, cancellationToken) is not { } organization)
        {
            return false;
        }

        Organization = organization;
        Options = await reports.StartOptionsAsync(organizationId, cancellationToken);
        return true;
    }
}
