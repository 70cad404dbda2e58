using GovInfoPortal.Web.Pages.Shared;
using GovInfoPortal.Web.Public;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GovInfoPortal.Web.Pages.Reports;

public sealed class ReportModel(PublicReports reports) : PageModel
{
    public ReportBodyModel Body { get; private set; } = null!;

    public string OrganizationKey { get; private set; } = string.Empty;

    public async Task<IActionResult> OnGetAsync(string orgCode, int year, CancellationToken cancellationToken)
    {
        var report = await reports.FindAsync(orgCode, year, cancellationToken);
        if (report is null)
        {
            return NotFound();
        }

        OrganizationKey = ReportLinks.KeyOf(report.Organization);
        Body = ReportBodyModel.From(report);
        return Page();
    }
}
