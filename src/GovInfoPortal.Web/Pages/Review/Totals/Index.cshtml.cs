using GovInfoPortal.Core.Formats;
using GovInfoPortal.Data.Accounts;
using GovInfoPortal.Documents.Excel;
using GovInfoPortal.Web.Pages.Shared;
using GovInfoPortal.Web.Review;
using GovInfoPortal.Web.Totals;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GovInfoPortal.Web.Pages.Review.Totals;

/// <summary>City-wide totals: the sums of a subtree's published reports of a year, shown and downloaded as Excel.</summary>
[Authorize(Roles = $"{PortalRoles.Reviewer},{PortalRoles.Admin}")]
public sealed class IndexModel(ReviewerContext reviewer, CityTotals totals) : PageModel
{
    /// <summary>Most bodies a list on the page names; the Excel file's 机关名单 has them all.</summary>
    public const int MaxListed = 500;

    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    [BindProperty(Name = "org", SupportsGet = true)]
    public int? Org { get; set; }

    public ScopeOrganization? Scope { get; private set; }

    public IReadOnlyList<ScopeOrganization> Choices { get; private set; } = [];

    public IReadOnlyList<int> Years { get; private set; } = [];

    public int SelectedYear { get; private set; }

    public SubtreeTotals? Totals { get; private set; }

    /// <summary>Why the year asked for was not used (zh-CN), or null.</summary>
    public string? YearProblem { get; private set; }

    public bool HasTables => Totals is not null && Totals.Definition.HasTables;

    public IEnumerable<TotalsBody> Included => Totals?.Bodies.Where(b => b.Included) ?? [];

    public IEnumerable<TotalsBody> Missing => Totals?.Bodies.Where(b => !b.Included) ?? [];

    /// <summary>The labels of the columns left out of the sums (2019: 上一年项目数量, 本年增/减).</summary>
    public IReadOnlyList<string> NotSummed => Totals is null ? [] :
        [.. Totals.Definition.Tables.SelectMany(t => t.Rows.SelectMany(r => r.Columns)).Where(c => !c.Summable).Select(c => c.Label).Distinct()];

    /// <summary>A summed table in the official layout; a column left out of the sums says so in each of its cells.</summary>
    public OfficialTableModel TableModel(TableDefinition table) =>
        OfficialTableModel.For(table, Totals!.Table(table.Code), idPrefix: "totals-") with
        {
            FigureContent = cell => cell.Cell!.Column.Summable
                ? new HtmlString(Totals.Table(table.Code)[cell.Cell.Row.Code, cell.Cell.Column.Code] is { } value ? OfficialTableModel.Figure(value) : "—")
                : new HtmlString("<span class=\"not-summed\">不汇总</span>"),
        };

    /// <summary>The Excel file of the totals shown: <c>/review/totals?handler=xlsx&amp;year=2023&amp;org=5</c>.</summary>
    public string XlsxUrl => Url.Page("/Review/Totals/Index", new { handler = "xlsx", year = SelectedYear, org = Scope?.Id })!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(withBodies: true, cancellationToken) ?? Page();

    /// <summary>
    /// The Excel file, written as the bodies are read (a subtree may hold tens of thousands) into a temporary
    /// file that is sent from disk and deleted once sent.
    /// </summary>
    public async Task<IActionResult> OnGetXlsxAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(withBodies: false, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (!HasTables || YearProblem is not null)
        {
            return NotFound();
        }

        var file = new FileStream(Path.Combine(Path.GetTempPath(), $"govinfo-totals-{Guid.NewGuid():N}.xlsx"), FileMode.CreateNew,
            FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose);
        try
        {
            await TotalsWorkbook.WriteAsync(Totals!, totals.BodiesAsync(Scope!, SelectedYear, cancellationToken), file, cancellationToken);
            await file.FlushAsync(cancellationToken);
            file.Position = 0;
        }
        catch
        {
            await file.DisposeAsync();
            throw;
        }

        return File(file, ExcelRenderer.MediaType, TotalsWorkbook.FileName(Totals!));
    }

    /// <summary>Loads the page's figures, or the answer for a user who may not see them.</summary>
    private async Task<IActionResult?> LoadAsync(bool withBodies, CancellationToken cancellationToken)
    {
        if (await reviewer.ScopeAsync(User, cancellationToken) is not { } scope)
        {
            return Forbid();
        }

        var subtree = await reviewer.SubtreeAsync(scope, Org, cancellationToken);
        if (subtree.Refusal(this) is { } refused)
        {
            return refused;
        }

        if (subtree.Organization is null)
        {
            return NotFound();
        }

        Scope = subtree.Organization;
        Choices = subtree.Choices;
        // Only years whose format has tables can be summed.
        var year = await reviewer.YearAsync(Scope, Year, !ModelState.IsValid, YearDefault.LatestPublished, ReportFormats.FirstYear2019,
            CityTotals.HasTables, cancellationToken);
        SelectedYear = year.Year;
        Years = year.Years;
        YearProblem = year.Problem;
        Totals = await totals.ForAsync(Scope, SelectedYear, withBodies, cancellationToken);
        return null;
    }
}
