using System.Text.Json;
using GovInfoPortal.Web.Pages.Shared;
using GovInfoPortal.Web.Public;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GovInfoPortal.Web.Pages.Stats;

/// <summary>One chart as the page's script draws it (from the JSON block), and as its table shows it.</summary>
public sealed record ChartSpec(string Id, string Kind, bool Stacked, string Title, IReadOnlyList<string> Categories, IReadOnlyList<ChartSeries> Series);

public sealed record ChartSeries(string Name, IReadOnlyList<decimal?> Data);

/// <summary>
/// Statistics and charts: one organization across the years, its children side by side for a year, and the
/// totals of its subtree in the official layout. Every chart also stands as a data table.
/// </summary>
public sealed class IndexModel(PublicReports reports, ReportStatistics statistics, TimeProvider time) : PageModel
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    [BindProperty(SupportsGet = true, Name = "org")]
    public string? OrganizationKey { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    public PublicOrganization? Organization { get; private set; }

    public IReadOnlyList<PublicOrganization> Ancestors { get; private set; } = [];

    public IReadOnlyList<(PublicOrganization Organization, int Depth)> Regions { get; private set; } = [];

    public IReadOnlyList<int> Years { get; private set; } = [];

    public OrganizationTrend? Trend { get; private set; }

    public SubtreeYear? Subtree { get; private set; }

    public IReadOnlyList<ChartSpec> TrendCharts { get; private set; } = [];

    public IReadOnlyList<ChartSpec> ChildCharts { get; private set; } = [];

    public IReadOnlyList<OrganizationCount> Children { get; private set; } = [];

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

        Ancestors = await reports.AncestorsAsync(Organization, cancellationToken);
        Trend = await statistics.TrendAsync(Organization, cancellationToken);
        TrendCharts = [.. Trend.Series.Select(s => Chart("trend", $"历年{s.Group.Title}", s, s.Group.Code == "applications" ? "line" : "bar", s.Group.Code == "outcomes"))];
        if (Year is { } selected)
        {
            Subtree = await statistics.SubtreeAsync(Organization, selected, cancellationToken);
            ChildCharts = [.. Subtree.Children.Where(s => s.Categories.Count > 0)
                .Select(s => Chart("children", $"{selected}年度各机关{s.Group.Title}", s, "bar", s.Group.Code == "outcomes"))];
            Children = await reports.ChildrenAsync(Organization, selected, cancellationToken);
        }

        return Page();
    }

    public string ChartJson => JsonSerializer.Serialize(TrendCharts.Concat(ChildCharts), JsonOptions);

    private static ChartSpec Chart(string prefix, string title, Series series, string kind, bool stacked) => new(
        $"chart-{prefix}-{series.Group.Code}", kind, stacked, title, series.Categories,
        [.. series.Group.Measures.Select((measure, i) => new ChartSeries(measure.Label, series.Values[i]))]);

    /// <summary>The indicators of the subtree's totals, then of each column of the children side by side.</summary>
    public IndicatorTableModel IndicatorTable => new("stats-indicator-table", $"{Subtree?.Year} 年度指标（合计及各下级机关）", "范围",
        Subtree is not { Definition: { } definition } subtree ? [] :
        [
            new IndicatorRow($"{Organization?.Name}及全部下级机关合计", null, subtree.Indicators),
            .. subtree.Columns.Select(c => new IndicatorRow(c.Name, c.Own ? null : Link(c.Organization.Key, subtree.Year), c.Indicators(definition))),
        ]);

    public string RankLink => ReportLinks.WithQuery(Url.Page("/Stats/Rank")!, ("org", Organization?.Key), ("year", Year));

    public string Link(string? organizationKey, int? year) =>
        ReportLinks.WithQuery(Url.Page("/Stats/Index")!, ("org", organizationKey), ("year", year));
}
