using GovInfoPortal.Core.Domain;
using GovInfoPortal.Web.Clerk;
using GovInfoPortal.Web.Pages.Shared;
using GovInfoPortal.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GovInfoPortal.Web.Pages.Clerk.Reports;

/// <summary>
/// The report exactly as the public will read it (the public pages' <c>_ReportBody</c>), for anyone who may
/// read the draft; its clerks also submit it from here.
/// </summary>
[RequestSizeLimit(RequestLimits.ShortForm)]
public sealed class PreviewModel(DraftEditor editor, ReportFindings reportFindings) : PageModel
{
    public AnnualReport Report { get; private set; } = null!;

    public ReportBodyModel Body { get; private set; } = null!;

    public bool CanSubmit { get; private set; }

    public DraftFindings Findings { get; private set; } = DraftFindings.None;

    /// <summary>Why the report cannot be submitted yet (empty when it can).</summary>
    public IReadOnlyList<string> Problems { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await editor.OpenAsync(id, User, cancellationToken) is not { } opened)
        {
            return NotFound();
        }

        await ShowAsync(opened, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostSubmitAsync(int id, int? version, CancellationToken cancellationToken)
    {
        if (await editor.OpenAsync(id, User, cancellationToken) is not { } opened)
        {
            return NotFound();
        }

        if (!opened.Permissions.Edit)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        var outcome = await editor.SubmitAsync(opened.Report, version, User.Identity!.Name!, cancellationToken);
        if (outcome.Succeeded)
        {
            TempData["Status"] = outcome.Messages[0];
            return RedirectToPage("/Clerk/Reports/Index");
        }

        Response.StatusCode = outcome.Kind == DraftOutcomeKind.Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest;
        await ShowAsync(opened, cancellationToken);
        Problems = outcome.Messages;
        return Page();
    }

    private async Task ShowAsync(OpenedReport opened, CancellationToken cancellationToken)
    {
        Report = opened.Report;
        Body = ReportBodyModel.From(Report.UnderReview, Report.Organization);
        CanSubmit = opened.Permissions.Edit;
        if (CanSubmit)
        {
            var validation = await reportFindings.ValidateAsync(Report, cancellationToken);
            Findings = reportFindings.Draft(Report, validation, Report.UnderReview.WarningExplanations);
            Problems = Report.UnderReview.SubmissionProblems(validation);
        }
    }
}
