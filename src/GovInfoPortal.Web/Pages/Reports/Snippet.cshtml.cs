using GovInfoPortal.Web.Public;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GovInfoPortal.Web.Pages.Reports;

/// <summary>
/// What a body's own 专栏 can carry to list its reports with their current versions: the HTML snippet to copy
/// (<see cref="ReportSnippet"/>), a preview of it, and the addresses of the raw snippet and of the body's feed.
/// </summary>
public sealed class SnippetModel(PublicReports reports) : PageModel
{
    public PublicOrganization Organization { get; private set; } = null!;

    public string Snippet { get; private set; } = string.Empty;

    public string Origin { get; private set; } = string.Empty;

    public async Task<IActionResult> OnGetAsync(string orgCode, CancellationToken cancellationToken)
    {
        if (await reports.FindOrganizationAsync(orgCode, cancellationToken) is not { } organization)
        {
            return NotFound();
        }

        Organization = organization;
        Origin = ReportLinks.Origin(Request);
        Snippet = ReportSnippet.Html(Origin, await reports.OfOrganizationAsync(organization.Id, cancellationToken));
        return Page();
    }
}
