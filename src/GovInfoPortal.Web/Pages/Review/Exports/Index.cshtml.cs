using GovInfoPortal.Core.Formats;
using GovInfoPortal.Data.Accounts;
using GovInfoPortal.Web.Accounts;
using GovInfoPortal.Web.Exports;
using GovInfoPortal.Web.Review;
using GovInfoPortal.Web.Security;
using GovInfoPortal.Web.Totals;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GovInfoPortal.Web.Pages.Review.Exports;

/// <summary>A reviewer's ZIP exports: ask for a year's published PDFs of a subtree, follow the progress, download.</summary>
[Authorize(Roles = $"{PortalRoles.Reviewer},{PortalRoles.Admin}")]
[RequestSizeLimit(RequestLimits.ShortForm)]
public sealed class IndexModel(ReviewerContext reviewer, ExportRequests exports) : PageModel
{
    [BindProperty]
    public int? Year { get; set; }

    [BindProperty(Name = "org")]
    public int? Org { get; set; }

    [TempData]
    public string? Status { get; set; }

    public IReadOnlyList<ExportJobView> Jobs { get; private set; } = [];

    public IReadOnlyList<ScopeOrganization> Choices { get; private set; } = [];

    public IReadOnlyList<int> Years { get; private set; } = [];

    /// <summary>Why the request was refused (zh-CN), shown above the form that keeps what was chosen.</summary>
    public string? Problem { get; private set; }

    /// <summary>Where a finished job's ZIP is downloaded, or null while it is not ready.</summary>
    public string? DownloadUrl(ExportJobView job) => job.IsDownloadable ? Url.Page("/Review/Exports/Download", new { id = job.Id }) : null;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await reviewer.ScopeAsync(User, cancellationToken) is not { } scope)
        {
            return Forbid();
        }

        await LoadAsync(scope, posted: false, cancellationToken);
        return Page();
    }

    /// <summary>The user's jobs as JSON, for the progress display's polling.</summary>
    public async Task<IActionResult> OnGetStatusAsync(CancellationToken cancellationToken)
    {
        if (await reviewer.ScopeAsync(User, cancellationToken) is null)
        {
            return Forbid();
        }

        var jobs = await exports.ListAsync(User.UserIdOf()!, cancellationToken);
        return new JsonResult(new
        {
            jobs = jobs.Select(j => new
            {
                id = j.Id,
                status = j.Status.ToString().ToLowerInvariant(),
                statusName = j.StatusName,
                active = j.IsActive,
                done = j.Done,
                total = j.Total,
                percent = j.Percent,
                text = j.ProgressText,
                downloadUrl = DownloadUrl(j),
                error = j.Error,
            }),
        });
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await reviewer.ScopeAsync(User, cancellationToken) is not { } scope)
        {
            return Forbid();
        }

        ScopeOrganization? organization = null;
        if (Org is not null)
        {
            var subtree = await reviewer.SubtreeAsync(scope, Org, cancellationToken);
            if (subtree.Outcome == SubtreeOutcome.Forbidden)
            {
                return Forbid();
            }

            organization = subtree.Organization;
        }

        if (organization is null)
        {
            Problem = "请选择导出范围。";
        }
        else if (!ModelState.IsValid || Year is not { } year)
        {
            Problem = "请选择有效的年度。";
        }
        else if (reviewer.YearRefusal(year) is { } refusal)
        {
            Problem = refusal;
        }
        else
        {
            var result = await exports.RequestAsync(User.UserIdOf()!, organization, year, cancellationToken);
            if (result.Error is { } error)
            {
                Problem = error;
            }
            else
            {
                Status = result.Created
                    ? $"已提交导出：{organization.Name} {year} 年度全部已发布报告的 PDF，生成后可在下方下载。"
                    : $"{organization.Name} {year} 年度的导出已在进行中，请等待其完成。";
                return RedirectToPage();
            }
        }

        await LoadAsync(scope, posted: true, cancellationToken);
        return Page();
    }

    /// <summary>The jobs and the form's choices; after a refused request the form keeps what was posted.</summary>
    private async Task LoadAsync(ReviewScope scope, bool posted, CancellationToken cancellationToken)
    {
        Jobs = await exports.ListAsync(User.UserIdOf()!, cancellationToken);
        var subtree = await reviewer.SubtreeAsync(scope, null, cancellationToken);
        Choices = subtree.Choices;
        Org ??= subtree.Organization?.Id ?? Choices.FirstOrDefault()?.Id;
        if (posted && Year is { } chosen)
        {
            // What was posted stays chosen, also when it was refused (the reason is shown above the form).
            Years = reviewer.Offered(ReportFormats.MinYear, chosen);
            return;
        }

        var year = await reviewer.YearAsync(Choices.FirstOrDefault(c => c.Id == Org), Year, unreadable: !posted && !ModelState.IsValid,
            YearDefault.LatestPublished, cancellationToken: cancellationToken);
        Year = year.Year;
        Years = year.Years;
        Problem ??= year.Problem;
    }
}
