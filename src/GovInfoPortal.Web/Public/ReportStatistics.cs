using GovInfoPortal.Core.Domain;
using GovInfoPortal.Core.Formats;
using GovInfoPortal.Data.Statistics;
using GovInfoPortal.Documents;
using Microsoft.EntityFrameworkCore;

namespace GovInfoPortal.Web.Public;

/// <summary>One figure the charts follow, read from a table by the codes of the format definition.</summary>
/// <param name="Rows">The rows whose <c>total</c> column it adds up (a group's sub-rows, or one row).</param>
public sealed record Measure(string Code, string Label, string TableCode, IReadOnlyList<string> Rows, string Column)
{
    public decimal? ValueIn(ReportTable table)
    {
        decimal? sum = null;
        foreach (var row in Rows)
        {
            if (table[row, Column] is { } value)
            {
                sum = (sum ?? 0) + value;
            }
        }

        return sum;
    }
}

/// <summary>A set of measures shown together (one chart and its table).</summary>
public sealed record MeasureGroup(string Code, string Title, IReadOnlyList<Measure> Measures);

/// <summary>The values of the measures of one group for a set of categories (years, or organizations).</summary>
public sealed record Series(MeasureGroup Group, IReadOnlyList<string> Categories, IReadOnlyList<IReadOnlyList<decimal?>> Values);

/// <summary>The statistics of one organization: its reports across the years.</summary>
public sealed record OrganizationTrend(IReadOnlyList<int> Years, IReadOnlyList<Series> Series, IReadOnlyList<int> LegacyYears);

/// <summary>
/// One column of the children side by side: a child over its whole subtree, or the organization's own report
/// (<paramref name="Own"/>), read from the kept totals.
/// </summary>
public sealed record SubtreeColumn(string Name, PublicOrganization Organization, bool Own, TableTotals Totals)
{
    /// <summary>The indicators of the column's totals (the ratio of the sums).</summary>
    public IReadOnlyList<IndicatorValue> Indicators(FormatDefinition definition) =>
        Core.Formats.Indicators.Compute(definition.Format, Totals.Table);
}

/// <summary>The statistics of a subtree for a year: its totals in the official layout, and its children side by side.</summary>
public sealed record SubtreeYear(int Year, FormatDefinition? Definition, TableTotals Totals, IReadOnlyList<Series> Children)
{
    /// <summary>The columns behind <see cref="Children"/>: the organization's own report first, then each child with reports.</summary>
    public IReadOnlyList<SubtreeColumn> Columns { get; init; } = [];

    /// <summary>The indicators of the subtree's totals; none for a year without tables.</summary>
    public IReadOnlyList<IndicatorValue> Indicators =>
        Definition is null ? [] : Core.Formats.Indicators.Compute(Definition.Format, Totals.Table);
}

/// <summary>
/// The figures behind the statistics page and <c>GET /api/v1/stats</c>, over published reports only:
/// one organization across years, and a subtree's totals and children for a year. Sums are read from the
/// kept totals rows (<see cref="ReportTotals"/>, kept a few minutes by <see cref="PublicTotals"/>); the measures come
/// from the format definition's codes.
/// </summary>
public sealed class ReportStatistics(PublicReports reports, PublicTotals totals)
{
    /// <summary>The measures of the applications table (表三) and of table 四, the same codes in both formats.</summary>
    public static IReadOnlyList<MeasureGroup> Groups(FormatDefinition definition)
    {
        var applications = definition.Applications;
        var total = Codes.Applicant.Total;
        Measure Row(string code) => new(code, Label(applications.FindRow(code)!.Label), applications.Code, [code], total);

        var outcomes = applications.Rows
            .Where(r => r.SectionLabel is not null && r.Code != Codes.ApplicationRow.HandledTotal)
            .GroupBy(r => r.GroupCode ?? r.Code)
            .Select(g => new Measure(g.Key, Label(g.First().GroupLabel ?? g.First().Label), applications.Code, [.. g.Select(r => r.Code)], total))
            .ToList();

        var review = definition.ReviewLitigation;
        return
        [
            new("applications", "申请数量", [Row(Codes.ApplicationRow.NewlyReceived), Row(Codes.ApplicationRow.CarriedOver), Row(Codes.ApplicationRow.CarriedForward)]),
            new("outcomes", "办理结果", outcomes),
            new("reviewLitigation", "行政复议和行政诉讼",
                [.. review.Rows.Select(r => new Measure(r.Code, r.MessageName ?? r.Label, review.Code, [r.Code], Codes.ReviewColumn.Total))]),
        ];
    }

    /// <summary>A label without its numbering and notes: （二）部分公开（区分处理的…） → 部分公开.</summary>
    private static string Label(string label)
    {
        var text = label.TrimStart();
        foreach (var prefix in new[] { "（一）", "（二）", "（三）", "（四）", "（五）", "（六）", "（七）", "一、", "二、", "三、", "四、" })
        {
            if (text.StartsWith(prefix, StringComparison.Ordinal))
            {
                text = text[prefix.Length..];
                break;
            }
        }

        var note = text.IndexOf('（', StringComparison.Ordinal);
        return note > 0 ? text[..note] : text;
    }

    /// <summary>The organization's own published reports, year by year (legacy years listed apart: they have no tables).</summary>
    public async Task<OrganizationTrend> TrendAsync(PublicOrganization organization, CancellationToken cancellationToken = default)
    {
        var own = await reports.Published.Where(r => r.OrganizationId == organization.Id)
            .OrderBy(r => r.Year)
            .Select(r => new { r.Year, r.Format, r.Applications, r.ReviewLitigation })
            .ToListAsync(cancellationToken);
        var withTables = own.Where(r => r.Format != ReportFormat.Legacy).ToList();
        var legacy = own.Where(r => r.Format == ReportFormat.Legacy).Select(r => r.Year).ToList();
        if (withTables.Count == 0)
        {
            return new OrganizationTrend([], [], legacy);
        }

        var latest = FormatDefinition.For(withTables[^1].Format);
        var years = withTables.Select(r => r.Year).ToList();
        var series = Groups(latest).Select(group => new Series(group, [.. years.Select(y => $"{y}年")],
            [.. group.Measures.Select(measure => (IReadOnlyList<decimal?>)[.. withTables.Select(r => Value(measure, r.Format, r.Applications, r.ReviewLitigation))])]))
            .ToList();
        return new OrganizationTrend(years, series, legacy);
    }

    /// <summary>The subtree's totals for the year, and its children (each over its own subtree) side by side.</summary>
    public async Task<SubtreeYear> SubtreeAsync(PublicOrganization organization, int year, CancellationToken cancellationToken = default)
    {
        var definition = FormatDefinition.For(ReportFormats.ForYear(year));
        if (!definition.HasTables)
        {
            return new SubtreeYear(year, null, TableTotals.None, []);
        }

        var subtree = await totals.ForSubtreeAsync(organization.Path, year, cancellationToken);
        var byChild = await totals.ForChildrenAsync(organization.Id, year, cancellationToken);
        var children = await reports.ChildrenAsync(organization, year, cancellationToken);
        var columns = new List<SubtreeColumn>();
        if (byChild.TryGetValue(organization.Id, out var own))
        {
            columns.Add(new($"{ReportFileNames.ShortName(organization.Name, null)}（本级）", organization, true, own));
        }

        // Children side by side under the names readers use (晋江市西园街道办事处 → 西园街道).
        columns.AddRange(children.Where(c => byChild.ContainsKey(c.Organization.Id))
            .Select(c => new SubtreeColumn(ReportFileNames.ShortName(c.Organization.Name, organization.Name), c.Organization, false, byChild[c.Organization.Id])));
        var series = Groups(definition).Select(group => new Series(group, [.. columns.Select(c => c.Name)],
            [.. group.Measures.Select(measure => (IReadOnlyList<decimal?>)[.. columns.Select(c => measure.ValueIn(c.Totals.Table(measure.TableCode)))])]))
            .ToList();
        return new SubtreeYear(year, definition, subtree, series) { Columns = columns };
    }

    private static decimal? Value(Measure measure, ReportFormat format, ReportTable applications, ReportTable reviewLitigation)
    {
        // A group's rows differ between formats (2021 splits （六）): read the measure by the report's own format.
        var own = Groups(FormatDefinition.For(format)).SelectMany(g => g.Measures).FirstOrDefault(m => m.Code == measure.Code && m.TableCode == measure.TableCode)
            ?? measure;
        return own.ValueIn(own.TableCode == TableCodes.Applications ? applications : reviewLitigation);
    }
}
