using GovInfoPortal.Core.Domain;
using GovInfoPortal.Web.Review;
using GovInfoPortal.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GovInfoPortal.Web.Pages.Review.Reports;

/// <summary>
/// The review of one report: what will be published, its findings and changes, comments and the audit trail, and
/// the reviewer's steps (return with comments, approve, publish, open a correction, comment, decide on warnings). A failed step shows
/// why and keeps what was typed.
/// </summary>
[RequestSizeLimit(RequestLimits.TextForm)]
public sealed class ReviewModel(ReviewWorkflow workflow, ReportReviews reviews) : PageModel
{
    public ReviewView View { get; private set; } = null!;

    /// <summary>Why the last step was not taken (zh-CN), shown above the forms.</summary>
    public string? Problem { get; private set; }

    /// <summary>Which form the problem belongs to, so it is shown next to it.</summary>
    public string? ProblemForm { get; private set; }

    [BindProperty]
    public int? Version { get; set; }

    [BindProperty]
    public string? ReturnPart { get; set; }

    [BindProperty]
    public string? ReturnComment { get; set; }

    [BindProperty]
    public DateOnly? PublishedOn { get; set; }

    [BindProperty]
    public bool SecrecyReviewConfirmed { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    [BindProperty]
    public string? CommentPart { get; set; }

    [BindProperty]
    public string? CommentText { get; set; }

    [BindProperty]
    public string? DecisionKey { get; set; }

    [BindProperty]
    public string? Decision { get; set; }

    [BindProperty]
    public string? DecisionReason { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) => await ShowAsync(id, cancellationToken);

    public Task<IActionResult> OnPostReturnAsync(int id, CancellationToken cancellationToken) =>
        StepAsync(id, "return", () => workflow.ReturnAsync(id, User, new ReturnRequest(ReturnPart, ReturnComment, Version), cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostApproveAsync(int id, CancellationToken cancellationToken) =>
        StepAsync(id, "approve", () => workflow.ApproveAsync(id, User, Version, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostPublishAsync(int id, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return RefuseAsync(id, "publish", "发布日期无效，请按“年-月-日”选择日期。", StatusCodes.Status400BadRequest, cancellationToken);
        }

        return StepAsync(id, "publish", () => workflow.PublishAsync(id, User, new PublishRequest(PublishedOn, SecrecyReviewConfirmed, Version), cancellationToken),
            cancellationToken);
    }

    public Task<IActionResult> OnPostCorrectionAsync(int id, CancellationToken cancellationToken) =>
        StepAsync(id, "correction", () => workflow.OpenCorrectionAsync(id, User, new CorrectionRequest(Reason, Version), cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostCommentAsync(int id, CancellationToken cancellationToken) =>
        StepAsync(id, "comment", () => workflow.CommentAsync(id, User, new CommentRequest(CommentPart, CommentText), cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostDecideWarningAsync(int id, CancellationToken cancellationToken) =>
        StepAsync(id, "decision", () => workflow.DecideWarningAsync(id, User, new WarningDecisionRequest(DecisionKey, Decision, DecisionReason, Version), cancellationToken),
            cancellationToken);

    private async Task<IActionResult> StepAsync(int id, string form, Func<Task<ReviewOutcome>> step, CancellationToken cancellationToken)
    {
        var outcome = await step();
        if (outcome.Succeeded)
        {
            TempData["Status"] = outcome.Message;
            return RedirectToPage("/Review/Reports/Review", new { id });
        }

        return outcome.Kind switch
        {
            ReviewOutcomeKind.NotFound => NotFound(),
            ReviewOutcomeKind.Forbidden => await RefuseAsync(id, form, outcome.Message, StatusCodes.Status403Forbidden, cancellationToken),
            _ => await RefuseAsync(id, form, outcome.Message, StatusCodes.Status409Conflict, cancellationToken),
        };
    }

    private async Task<IActionResult> RefuseAsync(int id, string form, string message, int status, CancellationToken cancellationToken)
    {
        var shown = await ShowAsync(id, cancellationToken);
        if (shown is not PageResult)
        {
            return shown;
        }

        Problem = message;
        ProblemForm = form;
        Response.StatusCode = status;
        return shown;
    }

    private async Task<IActionResult> ShowAsync(int id, CancellationToken cancellationToken)
    {
        var report = await workflow.LoadAsync(id, cancellationToken);
        if (report is null)
        {
            return NotFound();
        }

        if (!await reviews.MayReadAsync(User, report, cancellationToken))
        {
            return Forbid();
        }

        View = await reviews.ViewAsync(report, User, cancellationToken);
        return Page();
    }

    /// <summary>The parts a comment can be about, for the choice lists.</summary>
    public static IReadOnlyList<(string Code, string Name)> Parts { get; } = [.. ReportParts.All.Select(p => (p, ReportParts.DisplayName(p)))];
}
