using GovInfoPortal.Core.Domain;
using GovInfoPortal.Web.Clerk;
using GovInfoPortal.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GovInfoPortal.Web.Pages.Clerk.Reports;

/// <summary>Import a govinfo-annual-report/1 JSON file into the draft: all of it, or nothing with the reasons.</summary>
[RequestSizeLimit(RequestLimits.DocumentUpload)]
[RequestFormLimits(MultipartBodyLengthLimit = RequestLimits.DocumentUpload)]
public sealed class ImportModel(DraftEditor editor) : PageModel
{
    public AnnualReport Report { get; private set; } = null!;

    public IReadOnlyList<string> Problems { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var (opened, refusal) = await OpenAsync(id, cancellationToken);
        return opened is null ? refusal! : Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, int? version, IFormFile? file, CancellationToken cancellationToken)
    {
        var (opened, refusal) = await OpenAsync(id, cancellationToken);
        if (opened is null)
        {
            return refusal!;
        }

        if (file is null || file.Length == 0)
        {
            Problems = ["请选择要导入的 JSON 文件。"];
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        await using var stream = file.OpenReadStream();
        var outcome = await editor.ImportAsync(opened.Report, stream, version, User.Identity!.Name!, cancellationToken);
        if (outcome.Succeeded)
        {
            TempData["Status"] = outcome.Messages[0];
            return RedirectToPage("/Clerk/Reports/Edit", new { id });
        }

        Problems = outcome.Messages;
        Response.StatusCode = outcome.Kind == DraftOutcomeKind.Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task<(OpenedReport? Opened, IActionResult? Refusal)> OpenAsync(int id, CancellationToken cancellationToken)
    {
        if (await editor.OpenAsync(id, User, cancellationToken) is not { } opened)
        {
            return (null, NotFound());
        }

        if (!opened.Permissions.Edit)
        {
            return (null, StatusCode(StatusCodes.Status403Forbidden));
        }

        Report = opened.Report;
        return (opened, null);
    }
}
