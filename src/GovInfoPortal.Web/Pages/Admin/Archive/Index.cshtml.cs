using GovInfoPortal.Core.Formats;
using GovInfoPortal.Web.Archive;
using GovInfoPortal.Web.Pages.Shared;
using GovInfoPortal.Web.Public;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GovInfoPortal.Web.Pages.Admin.Archive;

/// <summary>The legacy (≤ 2018) archive reports, each with its uploaded original or a link to upload one.</summary>
public sealed class IndexModel(ArchiveDocuments archive) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    /// <summary>The page of the list (<c>p</c>: Razor Pages keeps <c>page</c> for the page's own route value).</summary>
    [BindProperty(Name = "p", SupportsGet = true)]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<ArchiveEntry> Entries { get; private set; } = [];

    public int Total { get; private set; }

    public string? YearError { get; private set; }

    public IReadOnlyList<int> Years { get; } = [.. Enumerable.Range(ReportFormats.MinYear, ReportFormats.FirstYear2019 - ReportFormats.MinYear).Reverse()];

    public PagerModel Pager => new(PageNumber, Math.Max(1, (Total + ArchiveDocuments.PageSize - 1) / ArchiveDocuments.PageSize),
        page => ReportLinks.WithQuery(Url.Page("/Admin/Archive/Index")!, ("year", Year), ("p", page)));

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (ModelState.GetFieldValidationState(nameof(Year)) == ModelValidationState.Invalid || Year is { } year && !Years.Contains(year))
        {
            YearError = $"年度应为 {ReportFormats.MinYear}–{ReportFormats.FirstYear2019 - 1} 之间的年份，已显示全部年度。";
            Year = null;
        }

        PageNumber = Math.Clamp(PageNumber, 1, 100_000);
        (Entries, Total) = await archive.ListAsync(Year, PageNumber, cancellationToken);
    }
}
