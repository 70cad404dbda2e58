using GovInfoPortal.Core.Formats;

namespace GovInfoPortal.Web.Pages.Shared;

/// <summary>One row of <c>_IndicatorTable.cshtml</c>: what the indicators are of (a body, a subtree, a report) and their values.</summary>
/// <param name="Href">A link for the label, or null.</param>
public sealed record IndicatorRow(string Label, string? Href, IReadOnlyList<IndicatorValue> Values);

/// <summary>
/// What <c>_IndicatorTable.cshtml</c> draws: a table of indicators, one row per body or report, one column per
/// indicator, each value with its numerator and denominator; “—” where an indicator is undefined.
/// </summary>
public sealed record IndicatorTableModel(string Id, string Caption, string RowHeading, IReadOnlyList<IndicatorRow> Rows)
{
    /// <summary>The indicators the columns show: those of the rows (all three, or none for legacy reports).</summary>
    public IReadOnlyList<IndicatorDefinition> Indicators =>
        [.. Core.Formats.Indicators.All.Where(i => Rows.Any(r => r.Values.Any(v => v.Definition.Code == i.Code)))];

    public static IndicatorValue? ValueOf(IndicatorRow row, IndicatorDefinition indicator) =>
        row.Values.FirstOrDefault(v => v.Definition.Code == indicator.Code) is { Definition: not null } value ? value : null;

    /// <summary>The figures behind a value: （22/26）, or why it is undefined.</summary>
    public static string Detail(IndicatorValue value) => value switch
    {
        { Rate: not null } => $"（{OfficialTableModel.Figure(value.Numerator!.Value)}/{OfficialTableModel.Figure(value.Denominator!.Value)}）",
        { Denominator: 0 } => "（分母为 0）",
        _ => "（有空项）",
    };
}
