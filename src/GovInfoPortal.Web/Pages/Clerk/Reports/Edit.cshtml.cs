using System.Text.Json.Serialization;
using GovInfoPortal.Core.Domain;
using GovInfoPortal.Web.Accounts;
using GovInfoPortal.Web.Clerk;
using GovInfoPortal.Web.Pages.Shared;
using GovInfoPortal.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GovInfoPortal.Web.Pages.Clerk.Reports;

/// <summary>
/// The report editor. A plain POST saves the draft (the page works without scripts); editor.js posts the
/// same form to <c>edit/check</c> while the clerk types (findings, nothing saved) and to <c>edit/save</c>
/// (save without leaving the page). Only the clerks of the report's organization get here, while it is editable.
/// </summary>
[RequestSizeLimit(RequestLimits.EditorForm)]
public sealed class EditModel(DraftEditor editor) : PageModel
{
    public EditorView View { get; private set; } = null!;

    public EditorGrid Grid { get; private set; } = null!;

    /// <summary>Messages of a save that did not go through (the form keeps what was typed).</summary>
    public IReadOnlyList<string> Problems { get; private set; } = [];

    /// <summary>Opens the editor with the whole check shown (empty cells as errors), as after a refused submission.</summary>
    [BindProperty(SupportsGet = true, Name = "check")]
    public bool FullCheck { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await editor.OpenAsync(id, User, cancellationToken) is not { } opened)
        {
            return NotFound();
        }

        if (!opened.Permissions.Edit)
        {
            if (opened.Report.UnderReview.IsEditable)
            {
                return StatusCode(StatusCodes.Status403Forbidden);
            }

            TempData.Refuse(NotEditable(opened.Report), Url.Page("/Clerk/Reports/Index")!, "返回我的报告");
            return RedirectToPage("/Clerk/Reports/Preview", new { id });
        }

        await ShowAsync(opened, DraftInput.FromReport(opened.Report.UnderReview), cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        var (opened, refusal) = await OpenForEditAsync(id, cancellationToken);
        if (opened is null)
        {
            return refusal!;
        }

        var input = DraftInput.FromForm(Request.Form, opened.Report.Definition());
        var outcome = await editor.SaveAsync(opened.Report, input, User.Identity!.Name!, cancellationToken);
        if (outcome.Succeeded)
        {
            TempData["Status"] = outcome.Messages[0];
            return RedirectToPage("/Clerk/Reports/Edit", new { id });
        }

        Problems = outcome.Messages;
        Response.StatusCode = outcome.Kind == DraftOutcomeKind.Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest;
        await ShowAsync(opened, input, cancellationToken);
        return Page();
    }

    /// <summary>The findings of what is typed, nothing saved (JSON).</summary>
    public async Task<IActionResult> OnPostCheckAsync(int id, CancellationToken cancellationToken)
    {
        var (opened, refusal) = await OpenForEditAsync(id, cancellationToken);
        if (opened is null)
        {
            return refusal!;
        }

        var findings = await editor.CheckAsync(opened.Report, DraftInput.FromForm(Request.Form, opened.Report.Definition()), cancellationToken);
        return new JsonResult(new EditorResponse(true, null, opened.Report.UnderReview.Version, findings, FullCheck: FullCheck));
    }

    /// <summary>Saves what is typed (JSON): 200 saved, 409 someone saved first, 400 input that cannot be stored.</summary>
    public async Task<IActionResult> OnPostSaveAsync(int id, CancellationToken cancellationToken)
    {
        var (opened, refusal) = await OpenForEditAsync(id, cancellationToken);
        if (opened is null)
        {
            return refusal!;
        }

        var outcome = await editor.SaveAsync(opened.Report, DraftInput.FromForm(Request.Form, opened.Report.Definition()), User.Identity!.Name!, cancellationToken);
        var status = outcome.Kind switch
        {
            DraftOutcomeKind.Done => StatusCodes.Status200OK,
            DraftOutcomeKind.Conflict => StatusCodes.Status409Conflict,
            _ => StatusCodes.Status400BadRequest,
        };
        return new JsonResult(new EditorResponse(outcome.Succeeded, string.Join(" ", outcome.Messages), outcome.Version, outcome.Findings,
            outcome.Succeeded ? ClerkDates.Local(opened.Report.UnderReview.UpdatedAt) : null, FullCheck)) { StatusCode = status };
    }

    private static string NotEditable(AnnualReport report) => $"该{report.UnderReview.Noun}当前状态为“{report.UnderReview.Status.DisplayName()}”，不能修改。";

    /// <summary>The report when the user may edit it now; else why not: 404 for a report the user may not read, 403 otherwise.</summary>
    private async Task<(OpenedReport? Opened, IActionResult? Refusal)> OpenForEditAsync(int id, CancellationToken cancellationToken)
    {
        var opened = await editor.OpenAsync(id, User, cancellationToken);
        if (opened is null)
        {
            return (null, NotFound());
        }

        if (opened.Permissions.Edit)
        {
            return (opened, null);
        }

        IActionResult refusal = AccountsSetup.IsFetch(Request)
            ? new JsonResult(new EditorResponse(false, NotEditable(opened.Report), opened.Report.UnderReview.Version, DraftFindings.None)) { StatusCode = StatusCodes.Status403Forbidden }
            : StatusCode(StatusCodes.Status403Forbidden);
        return (null, refusal);
    }

    private async Task ShowAsync(OpenedReport opened, DraftInput input, CancellationToken cancellationToken)
    {
        View = await editor.ViewAsync(opened.Report, input, cancellationToken) with { FullCheck = FullCheck };
        Grid = new EditorGrid(View);
    }
}

/// <summary>
/// What the editor's JSON endpoints answer: the findings the page marks (all of them in the full check, else
/// without the empty cells and parts, which are counted in <see cref="ToFillText"/>) and the words about them.
/// </summary>
public sealed record EditorResponse(
    [property: JsonPropertyName("ok")] bool Ok,
    [property: JsonPropertyName("message")] string? Message,
    [property: JsonPropertyName("version")] int Version,
    [property: JsonIgnore] DraftFindings Findings,
    [property: JsonPropertyName("savedAt")] string? SavedAt = null,
    [property: JsonIgnore] bool FullCheck = false)
{
    private DraftFindings Shown => FullCheck ? Findings : Findings.WithoutToFill();

    [JsonPropertyName("findings")]
    public IReadOnlyList<FindingView> Items => Shown.Items;

    [JsonPropertyName("errors")]
    public int Errors => Shown.Errors;

    [JsonPropertyName("warnings")]
    public int Warnings => Shown.Warnings;

    [JsonPropertyName("emptyCells")]
    public int EmptyCells => Findings.EmptyCells;

    [JsonPropertyName("toFillText")]
    public string ToFillText => FullCheck ? string.Empty : Findings.ToFillText;

    [JsonPropertyName("summary")]
    public string Summary => EditorTexts.Summary(Shown, ToFillText);

    [JsonPropertyName("count")]
    public string Count => EditorTexts.Count(Shown, ToFillText);

    /// <summary>The self-check score of what was checked or saved, with its words; null when nothing was checked.</summary>
    [JsonPropertyName("selfCheck")]
    public SelfCheckView? SelfCheck => SelfCheckView.Of(Findings.SelfCheck);
}
