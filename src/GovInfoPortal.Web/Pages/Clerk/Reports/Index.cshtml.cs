using GovInfoPortal.Core.Domain;
using GovInfoPortal.Web.Accounts;
using GovInfoPortal.Web.Clerk;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GovInfoPortal.Web.Pages.Clerk.Reports;

/// <summary>My reports: the clerk's organization's reports by year, with status and findings.</summary>
public sealed class IndexModel(ClerkReports reports) : PageModel
{
    public Organization? Organization { get; private set; }

    public IReadOnlyList<ClerkReportItem> Items { get; private set; } = [];

    public StartOptions Start { get; private set; } = new([], null);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (User.OrganizationIdOf() is not { } organizationId || await reports.OrganizationAsync(organizationId, cancellationToken) is not { } organization)
        {
            return;
        }

        Organization = organization;
        Items = await reports.ListAsync(organizationId, cancellationToken);
        Start = await reports.StartOptionsAsync(organizationId, cancellationToken);
    }
}
