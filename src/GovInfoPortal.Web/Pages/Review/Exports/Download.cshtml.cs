using GovInfoPortal.Data.Accounts;
using GovInfoPortal.Web.Exports;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GovInfoPortal.Web.Pages.Review.Exports;

/// <summary>
/// A finished export's ZIP, for its requester and the reviewers whose scope covers it: sent from the file as
/// it is read (never loaded whole), with range requests so that an interrupted download of a large ZIP resumes.
/// </summary>
[Authorize(Roles = $"{PortalRoles.Reviewer},{PortalRoles.Admin}")]
public sealed class DownloadModel(ExportRequests exports) : PageModel
{
    public const string ZipMediaType = "application/zip";

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var (job, path, forbidden) = await exports.DownloadAsync(User, id, cancellationToken);
        if (forbidden)
        {
            return Forbid();
        }

        return job is not null && path is not null
            ? new PhysicalFileResult(path, ZipMediaType) { FileDownloadName = ExportRequests.ZipName(job), EnableRangeProcessing = true }
            : NotFound();
    }
}
