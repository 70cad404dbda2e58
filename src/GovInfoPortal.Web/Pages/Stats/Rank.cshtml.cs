using GovInfoPortal.Core.Formats;
using GovInfoPortal.Web.Public;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GovInfoPortal.Web.Pages.Stats;

/// <summary>A child in the ranking: the body, its figure or indicator (null when it has none), and how many reports it covers.</summary>
public sealed record RankEntry(PublicOrganization Organization, int Reports, IndicatorValue? Indicator);

/// <summary>
/// The children of a body ranked by an indicator or by one cell of the year's format (<c>by</c>), over each child's
/// kept totals (the child and its whole subtree); ties share a rank, children without a value come last.
/// </summary>
public sealed class RankModel(PublicReports reports, ReportStatistics statistics, TimeProvider time) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "org")]
    public string? OrganizationKey { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? By { get; set; }

    public PublicOrganization? Organization { get; private set; }

    public IReadOnlyList<(PublicOrganization Organization, int Depth)> Regions { get; private set; } = [];

    public IReadOnlyList<int> Years { get; private set; } = [];

    public FormatDefinition? Definition { get; private set; }

    /// <summary>The indicator ranked by, or null when a cell is.</summary>
    public IndicatorDefinition? Indicator { get; private set; }

    /// <summary>The cell ranked by, or null when an indicator is.</summary>
    public CellDefinition? Cell { get; private set; }

    public string? Problem { get; private set; }

    public IReadOnlyList<Ranked<RankEntry>> Entries { get; private set; } = [];

    /// <summary>What the ranking is by, as the page names it.</summary>
    public string ByName => Indicator?.Name ?? Cell?.MessageLabel ?? string.Empty;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var scope = await StatsScope.ResolveAsync(reports, OrganizationKey, Year, StatsScope.Today(time), cancellationToken);
        if (scope.NotFound)
        {
            return NotFound();
        }

        (Regions, Organization, Years, Year) = (scope.Regions, scope.Organization, scope.Years, scope.Year);
        if (Organization is null)
        {
            return Page();
        }

        if (Year is not { } selected)
        {
            return Page();
        }

        Definition = FormatDefinition.For(ReportFormats.ForYear(selected));
        By = string.IsNullOrWhiteSpace(By) ? Indicators.DisclosureRate : By.Trim();
        Indicator = Indicators.Find(By);
        Cell = Indicator is null ? CellRef.Find(Definition, By) : null;
        if (Indicator is null && Cell is null)
        {
            Problem = $"无法按“{(By.Length > 60 ? By[..60] + "…" : By)}”排名：请选择一项指标，或 {selected} 年度{Definition.Format.DisplayName()}统计表中的一个单元格。";
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var subtree = await statistics.SubtreeAsync(Organization, selected, cancellationToken);
        var children = await reports.ChildrenAsync(Organization, selected, cancellationToken);
        var columns = subtree.Columns.Where(c => !c.Own).ToDictionary(c => c.Organization.Id);
        Entries = Ranking.Of(children.Select(child =>
        {
            var totals = columns.GetValueOrDefault(child.Organization.Id)?.Totals;
            IndicatorValue? indicator = totals is not null && Indicator is not null ? Indicator.Compute(totals.Table) : null;
            var value = Indicator is not null
                ? indicator?.Rate
                : totals?.Table(Cell!.Table.Code)[Cell.Row.Code, Cell.Column.Code];
            return (new RankEntry(child.Organization, child.Reports, indicator), value);
        }));
        return Page();
    }

    /// <summary>The choices of <c>by</c>: the indicators, then every cell of the year's format by table.</summary>
    public IEnumerable<(string Group, IEnumerable<(string Value, string Label)> Options)> Choices()
    {
        yield return ("指标", Indicators.For(Definition!.Format).Select(i => (i.Code, i.Name)));
        foreach (var table in Definition.Tables)
        {
            yield return ($"{table.MessageLabel} {table.Title}",
                table.Cells.Select(cell => (new CellRef(table.Code, cell.Row.Code, cell.Column.Code).Key, $"{cell.Row.MessageLabel}·{cell.Column.Label}")));
        }
    }

    public string StatsLink(string? organizationKey) =>
        ReportLinks.WithQuery(Url.Page("/Stats/Index")!, ("org", organizationKey), ("year", Year));

    public string Link(string? organizationKey) =>
        ReportLinks.WithQuery(Url.Page("/Stats/Rank")!, ("org", organizationKey), ("year", Year), ("by", By));
}
